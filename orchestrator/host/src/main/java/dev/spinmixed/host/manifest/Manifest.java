package dev.spinmixed.host.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded spin.toml (manifest v2), as far as this host runs it. Components keep the manifest's
 * order; {@code redisAddress} is the template of {@code [application.trigger.redis] address}.
 */
public record Manifest(
        Path file,
        String name,
        String version,
        Map<String, Variable> variables,
        Map<String, ComponentConfig> components,
        List<HttpTrigger> httpTriggers,
        List<RedisTrigger> redisTriggers,
        Optional<String> redisAddress,
        List<String> warnings) {

    public Manifest {
        variables = Map.copyOf(variables);
        components =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        httpTriggers = List.copyOf(httpTriggers);
        redisTriggers = List.copyOf(redisTriggers);
        warnings = List.copyOf(warnings);
    }

    public ComponentConfig component(String id) {
        ComponentConfig c = components.get(id);
        if (c == null) {
            throw new ManifestException(file + ": no component '" + id + "'");
        }
        return c;
    }
}
