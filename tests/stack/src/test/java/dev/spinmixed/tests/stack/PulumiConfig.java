package dev.spinmixed.tests.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack's config as the Pulumi CLI hands it to the program: Pulumi.yaml's project defaults, then
 * the stack file's values over them (pulumi/pulumi {@code sdk/go/common/workspace/config.go},
 * {@code mergeConfig}), keys with their namespace, values as strings. Secret keys the stack file
 * holds encrypted get {@link #PLACEHOLDER_SECRET}, as nothing here can decrypt them.
 */
record PulumiConfig(Map<String, String> values, List<String> secretKeys) {
    static final String PLACEHOLDER_SECRET = "entry-point-test-placeholder-secret";

    static PulumiConfig of(Path root, String stack) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            JsonNode project = yaml.readTree(root.resolve("Pulumi.yaml").toFile());
            JsonNode stackFile = yaml.readTree(root.resolve("Pulumi." + stack + ".yaml").toFile());
            String name = project.path("name").asText();
            Map<String, String> values = new TreeMap<>();
            TreeSet<String> secrets = new TreeSet<>();
            project.path("config")
                    .fields()
                    .forEachRemaining(
                            declared -> {
                                String key = name + ":" + declared.getKey();
                                if (declared.getValue().has("default")) {
                                    values.put(key, declared.getValue().path("default").asText());
                                }
                                if (declared.getValue().path("secret").asBoolean(false)) {
                                    secrets.add(key);
                                    values.put(key, PLACEHOLDER_SECRET);
                                }
                            });
            stackFile
                    .path("config")
                    .fields()
                    .forEachRemaining(
                            set -> {
                                if (set.getValue().has("secure")) {
                                    secrets.add(set.getKey());
                                    values.put(set.getKey(), PLACEHOLDER_SECRET);
                                } else {
                                    values.put(set.getKey(), set.getValue().asText());
                                }
                            });
            return new PulumiConfig(values, List.copyOf(secrets));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project or stack file in " + root, e);
        }
    }

    /** {@code PULUMI_CONFIG}. */
    String json() throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(values);
    }

    /** {@code PULUMI_CONFIG_SECRET_KEYS}. */
    String secretKeysJson() throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(secretKeys);
    }
}
