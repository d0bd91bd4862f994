package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.spinmixed.infra.ConfigKey;
import dev.spinmixed.infra.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pulumi.yaml is what the Pulumi CLI reads first: valid against Pulumi's own project schema, run by
 * the Maven executor (no prebuilt jar), declaring exactly the config keys the program reads with
 * the types, descriptions, defaults and secrecy of {@link ConfigKey}, and usable as a template.
 */
class PulumiYamlTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode project() throws IOException {
        return YAML.readTree(ProjectFilesTest.ROOT.resolve("Pulumi.yaml").toFile());
    }

    @Test
    void isValidAgainstPulumisProjectSchema() throws IOException {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/pulumi/project.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            schema =
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(SchemaLocation.of("urn:pulumi:project"), json);
        }
        assertEquals(List.of(), messages(schema.validate(project())));

        ObjectNode misspelt = (ObjectNode) project().deepCopy();
        ((ObjectNode) misspelt.path("config").path("location")).put("defualt", "westeurope");
        assertFalse(schema.validate(misspelt).isEmpty(), "the schema catches a misspelt field");
    }

    @Test
    void theJavaLanguageHostBuildsAndRunsTheProgramWithMaven() throws IOException {
        JsonNode project = project();
        assertEquals(Settings.PROJECT, project.path("name").asText());
        // A plain runtime name: no `binary` option, so the language host picks the Maven executor
        // because pom.xml and ./mvnw sit in the project folder (pulumi-java
        // pkg/internal/executors/executor_maven.go).
        assertEquals("java", project.path("runtime").asText());
        assertTrue(Files.isRegularFile(ProjectFilesTest.ROOT.resolve("pom.xml")));
        assertTrue(Files.isExecutable(ProjectFilesTest.ROOT.resolve("mvnw")));
        assertFalse(project.has("main"), "the program runs from the repository root");
    }

    @Test
    void declaresEveryConfigKeyTheProgramReadsAsConfigKeyDoes() throws IOException {
        JsonNode config = project().path("config");
        Set<String> declared = new TreeSet<>();
        config.fieldNames().forEachRemaining(declared::add);
        assertEquals(
                Arrays.stream(ConfigKey.values())
                        .map(ConfigKey::key)
                        .collect(Collectors.toCollection(TreeSet::new)),
                declared,
                "Pulumi.yaml's config keys and ConfigKey's");
        for (ConfigKey key : ConfigKey.values()) {
            JsonNode declaration = config.path(key.key());
            assertEquals(key.type().pulumiName(), declaration.path("type").asText(), key.key());
            assertEquals(key.description(), declaration.path("description").asText(), key.key());
            assertEquals(key.secret(), declaration.path("secret").asBoolean(false), key.key());
            JsonNode defaultValue = declaration.get("default");
            if (key.defaultValue().isEmpty()) {
                assertEquals(null, defaultValue, key.key() + " has no default");
                continue;
            }
            // Pulumi checks a default against its type (sdk/go/common/workspace/project.go).
            switch (key.type()) {
                case INTEGER -> assertTrue(defaultValue.isInt(), key.key() + ": " + defaultValue);
                case STRING ->
                        assertTrue(defaultValue.isTextual(), key.key() + ": " + defaultValue);
            }
            assertEquals(key.defaultValue().get(), defaultValue.asText(), key.key());
        }
    }

    @Test
    void theTemplateAsksForEveryKeyANewStackMustSet() throws IOException {
        JsonNode project = project();
        JsonNode template = project.path("template");
        assertFalse(template.path("description").asText().isBlank());
        JsonNode asked = template.path("config");
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.defaultValue().isEmpty() && !asked.has(key.key())) {
                problems.add(key.key() + " has no default and the template does not ask for it");
            }
        }
        asked.fieldNames()
                .forEachRemaining(
                        name -> {
                            JsonNode question = asked.path(name);
                            JsonNode declared = project.path("config").path(name);
                            if (declared.isMissingNode()) {
                                problems.add(name + " is asked but not declared");
                            } else if (question.path("secret").asBoolean(false)
                                    != declared.path("secret").asBoolean(false)) {
                                problems.add(name + " is secret in one place only");
                            } else if (question.has("default")
                                    && !question.path("default").equals(declared.path("default"))) {
                                problems.add(name + " offers a default the project does not");
                            }
                        });
        assertEquals(List.of(), problems);
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
