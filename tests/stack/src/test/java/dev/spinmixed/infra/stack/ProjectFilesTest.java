package dev.spinmixed.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.test.PulumiTest;
import dev.spinmixed.infra.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulumi.yaml, Pulumi.dev.yaml and docs/deploy.md agree with the program. */
class ProjectFilesTest {
    static final Path ROOT = Path.of("../..");
    static final String PREFIX = Settings.PROJECT + ":";

    private static JsonNode yaml(String file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(file).toFile());
    }

    @Test
    void pulumiYamlRunsTheShadedInfraJar() throws IOException {
        JsonNode project = yaml("Pulumi.yaml");
        assertEquals(Settings.PROJECT, project.path("name").asText());
        assertEquals("java", project.path("runtime").path("name").asText());
        assertEquals("infra/target/infra.jar", project.path("runtime").path("options").path("binary").asText());
    }

    @Test
    void devStackConfigIsValidAndHoldsNoSecret(@TempDir Path root) throws IOException {
        StackRun.buildContext(Files.createDirectories(root.resolve("apps/target/oci")), SpinKubeStackTest.SPIN_TOML);
        Map<String, String> config = new HashMap<>();
        yaml("Pulumi.dev.yaml").path("config").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith(PREFIX)) {
                String key = entry.getKey().substring(PREFIX.length());
                assertTrue(Settings.KEYS.contains(key), "Pulumi.dev.yaml sets unknown key " + entry.getKey());
                assertTrue(entry.getValue().isValueNode(), entry.getKey() + " must be a plain value");
                config.put(key, entry.getValue().asText());
            }
        });
        assertTrue(!config.containsKey("redisPassword"), "secrets are set with pulumi config set --secret");
        config.put("redisPassword", "a-password-for-the-test-only");
        PulumiTest.cleanup();
        Settings settings = Settings.fromConfig(key -> Optional.ofNullable(config.get(key)), "dev", root);
        assertEquals("westeurope", settings.location());
    }

    @Test
    void deployDocDescribesEveryConfigKey() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/deploy.md"));
        for (String key : Settings.KEYS) {
            assertTrue(doc.contains("| `" + key + "`"), "docs/deploy.md has no row for " + key);
        }
    }
}
