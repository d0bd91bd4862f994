package dev.spinmixed.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * This project's keys of a stack file ({@code Pulumi.<stack>.yaml}), read the way Pulumi hands them
 * to the program: plain values by key without the {@code spin-mixed-workloads:} prefix; encrypted
 * ({@code secure:}) values are only named, since they cannot be read without the stack's secrets
 * provider. Keys of other namespaces (e.g. {@code azure-native:location}) are for providers and
 * left out.
 */
public record StackConfigFile(Path file, Map<String, String> values, Set<String> secrets) {
    static final String PREFIX = Settings.PROJECT + ":";

    public StackConfigFile {
        values = Map.copyOf(values);
        secrets = Set.copyOf(secrets);
    }

    /** Reads and checks the file: every project key must be one the program reads. */
    public static StackConfigFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the stack file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("config").isObject()) {
            throw new IllegalArgumentException(file + " has no `config:` map");
        }
        Map<String, String> values = new TreeMap<>();
        Set<String> secrets = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("config").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = entry.getKey().substring(PREFIX.length());
            if (ConfigKey.of(key).isEmpty()) {
                throw new IllegalArgumentException(
                        file
                                + " sets "
                                + entry.getKey()
                                + ", which the program does not read"
                                + " (keys: "
                                + Arrays.stream(ConfigKey.values())
                                        .map(ConfigKey::key)
                                        .sorted()
                                        .toList()
                                + ")");
            }
            JsonNode value = entry.getValue();
            if (value.isObject() && value.has("secure")) {
                secrets.add(key);
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(key, value.asText());
            } else {
                throw new IllegalArgumentException(
                        file + ": " + entry.getKey() + " must be a plain value, found " + value);
            }
        }
        return new StackConfigFile(file, values, secrets);
    }

    /** The stack name of {@code Pulumi.<stack>.yaml}. */
    public String stackName() {
        String name = file.getFileName().toString();
        return name.substring("Pulumi.".length(), name.length() - ".yaml".length());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
