package dev.spinmixed.spinapp.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spin.toml (manifest v2) as Spin holds it after loading it: parsed with Spin's schema, then
 * normalized (trigger ids, inline components, {@code { component = ... }} dependencies checked) and
 * its dependencies validated. {@link ManifestReader} makes one; {@code warnings} are what Spin
 * would warn about. Components keep the manifest's order.
 */
public record SpinManifest(
        Path file,
        Application application,
        Map<String, Variable> variables,
        List<Trigger> triggers,
        Map<String, ManifestComponent> components,
        List<String> warnings) {

    public SpinManifest {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        triggers = List.copyOf(triggers);
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        warnings = List.copyOf(warnings);
    }

    /** The directory that relative sources and paths are resolved against. */
    public Path directory() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : Path.of("/");
    }

    public ManifestComponent component(String id) {
        ManifestComponent c = components.get(id);
        if (c == null) {
            throw new ManifestException(file + ": no component '" + id + "'");
        }
        return c;
    }

    public List<Trigger.HttpTrigger> httpTriggers() {
        return triggers.stream()
                .filter(t -> t instanceof Trigger.HttpTrigger)
                .map(t -> (Trigger.HttpTrigger) t)
                .toList();
    }

    public List<Trigger.RedisTrigger> redisTriggers() {
        return triggers.stream()
                .filter(t -> t instanceof Trigger.RedisTrigger)
                .map(t -> (Trigger.RedisTrigger) t)
                .toList();
    }

    /** The ids of the components some trigger runs, in manifest order, each once. */
    public List<String> triggeredComponents() {
        return triggers.stream().flatMap(t -> t.component().stream()).distinct().toList();
    }

    public Optional<String> redisAddress() {
        return application.redisAddress();
    }
}
