package dev.spinmixed.spinapp;

import dev.spinmixed.spinapp.compose.DependencyLink;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An app that passed the {@link ContractCheck}: every component's guest, and for each triggered
 * component the imports its dependencies serve, as Spin would compose them.
 */
public record CheckedApp(
        SpinManifest manifest,
        AppLayout layout,
        Map<String, LoadedGuest> components,
        Map<String, List<Link>> links) {

    /** One import of a triggered component, served by a dependency's export. */
    public record Link(DependencyLink rule, LoadedGuest provider) {}

    public CheckedApp {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    public LoadedGuest component(String id) {
        LoadedGuest guest = components.get(id);
        if (guest == null) {
            throw new IllegalArgumentException(manifest.file() + ": no component '" + id + "'");
        }
        return guest;
    }

    /** The links of a triggered component; empty for one without dependencies. */
    public List<Link> links(String componentId) {
        return links.getOrDefault(componentId, List.of());
    }
}
