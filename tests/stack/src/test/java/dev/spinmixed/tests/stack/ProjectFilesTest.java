package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import dev.spinmixed.infra.ClusterAccess;
import dev.spinmixed.infra.ConfigKey;
import dev.spinmixed.infra.PinnedVersions;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.StackConfigFile;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack files (dev, prod) and the README's config table agree with the program. */
class ProjectFilesTest {
    static final Path ROOT = Path.of("../..");

    /**
     * Each stack file read the way Pulumi hands it to the program, through the real settings code.
     */
    private static Settings stackSettings(String stack, Path root) {
        StackConfigFile file = StackConfigFile.read(ROOT.resolve("Pulumi." + stack + ".yaml"));
        assertEquals(stack, file.stackName());
        // `pulumi config set --secret` may commit redisPassword encrypted (secure:), never in plain
        // text.
        assertFalse(
                file.values().containsKey("redisPassword"),
                "Pulumi." + stack + ".yaml holds the Redis password in plain text");
        Map<String, String> config = new HashMap<>(file.values());
        config.put("redisPassword", "a-password-for-the-test-only");
        PulumiTest.cleanup();
        return Settings.fromConfig(key -> Optional.ofNullable(config.get(key)), stack, root);
    }

    @Test
    void bothStackFilesAreValidAndProdIsSizedForProduction(@TempDir Path root) throws IOException {
        StackRun.buildContext(
                Files.createDirectories(root.resolve("apps/target/oci")),
                SpinKubeStackTest.SPIN_TOML);
        Settings dev = stackSettings("dev", root);
        Settings prod = stackSettings("prod", root);
        assertEquals(List.of("dev", "prod"), List.of(dev.environment(), prod.environment()));
        assertEquals(List.of(), dev.availabilityZones(), "dev: one small zone-less cluster");
        assertEquals(List.of("1", "2", "3"), prod.availabilityZones());
        assertEquals(WasmRuntime.SPINKUBE, prod.wasmRuntime());
        assertEquals(EnumSet.allOf(Wiring.class), prod.wirings());
        assertTrue(
                prod.systemNodeCount() >= 3 && prod.wasmNodeCount() >= 3,
                "a node per zone in each pool");
        assertTrue(
                prod.appMinReplicas() >= 2 && prod.appMinReplicas() > dev.appMinReplicas(),
                "prod keeps at least two replicas per wiring");
        assertTrue(prod.appMaxReplicas() > prod.appMinReplicas(), "prod scales");
        assertEquals(
                ClusterAccess.ENTRA, prod.clusterAccess(), "prod admits Entra ID identities only");
        assertEquals(
                ClusterAccess.LOCAL, dev.clusterAccess(), "dev keeps the cluster's own accounts");
        assertTrue(cores(prod.systemVmSize()) > cores(dev.systemVmSize()), prod.systemVmSize());
        assertTrue(cores(prod.wasmVmSize()) > cores(dev.wasmVmSize()), prod.wasmVmSize());
        assertEquals(List.of("1", "512Mi"), List.of(prod.redisCpuLimit(), prod.redisMemoryLimit()));
        assertEquals(
                dev.kubernetesVersion(), prod.kubernetesVersion(), "prod runs what dev tested");
        assertEquals(
                PinnedVersions.KUBERNETES.version(),
                prod.kubernetesVersion(),
                "the minor AKS supports, pinned with its source");
    }

    @Test
    void aStackFileWithAnUnknownOrStructuredKeyIsRefused(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("Pulumi.typo.yaml");
        Files.writeString(typo, "config:\n  spin-mixed-workloads:appReplica: \"3\"\n");
        var unknown =
                assertThrows(IllegalArgumentException.class, () -> StackConfigFile.read(typo));
        assertTrue(
                unknown.getMessage()
                        .contains(
                                "spin-mixed-workloads:appReplica, which the program does not read"),
                unknown.getMessage());
        Path nested = dir.resolve("Pulumi.nested.yaml");
        Files.writeString(nested, "config:\n  spin-mixed-workloads:appMinReplicas:\n    - 3\n");
        var structured =
                assertThrows(IllegalArgumentException.class, () -> StackConfigFile.read(nested));
        assertTrue(
                structured.getMessage().contains("must be a plain value"), structured.getMessage());
        Path secret = dir.resolve("Pulumi.secret.yaml");
        Files.writeString(
                secret, "config:\n  spin-mixed-workloads:redisPassword:\n    secure: AAABAKx\n");
        assertEquals(Set.of("redisPassword"), StackConfigFile.read(secret).secrets());
    }

    /** vCPUs of an Azure D-series size name such as Standard_D4s_v5. */
    private static int cores(String vmSize) {
        var matcher = Pattern.compile("Standard_D(\\d+).*").matcher(vmSize);
        assertTrue(matcher.matches(), vmSize);
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void readmeListsEveryPinnedVersionWithItsSourceAndTheDateItWasChecked() throws IOException {
        String doc = Files.readString(ROOT.resolve("README.md"));
        assertTrue(
                doc.contains("checked on " + PinnedVersions.CHECKED),
                "README.md does not say when the pins were checked");
        for (PinnedVersions.Pin pin : PinnedVersions.ALL) {
            String row =
                    "| " + pin.component() + " | `" + pin.version() + "` | " + pin.source() + " |";
            assertTrue(doc.contains(row), "README.md has no row " + row);
        }
    }

    @Test
    void readmeDescribesEveryConfigKey() throws IOException {
        String doc = Files.readString(ROOT.resolve("README.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.key() + "` | ";
            assertTrue(doc.contains(row), "README.md has no config row for " + key.key());
            String defaultCell =
                    key.defaultValue()
                            .map(value -> value.isEmpty() ? "" : "`" + value + "`")
                            .orElse("");
            assertTrue(
                    doc.substring(doc.indexOf(row) + row.length()).startsWith(defaultCell),
                    "README.md's default of " + key.key() + " is not " + defaultCell);
        }
    }
}
