package dev.spinmixed.apps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The local files a Spin manifest (v2) loads: component sources and dependency paths. */
public final class ManifestReferences {

    private ManifestReferences() {}

    public static Set<String> of(JsonNode manifest, String where) {
        Set<String> files = new TreeSet<>();
        JsonNode components = manifest.path("component");
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> component = it.next();
            String name = component.getKey();
            JsonNode source = component.getValue().path("source");
            if (!source.isTextual()) {
                throw new IllegalStateException(
                        where
                                + ": component '"
                                + name
                                + "' must have a local file as source (remote sources are not part"
                                + " of the image)");
            }
            files.add(source.asText());
            JsonNode dependencies = component.getValue().path("dependencies");
            for (Iterator<Map.Entry<String, JsonNode>> deps = dependencies.fields();
                    deps.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = deps.next();
                JsonNode target = dependency.getValue();
                if (target.has("path")) {
                    files.add(target.path("path").asText());
                } else if (!target.has("component")) {
                    throw new IllegalStateException(
                            where
                                    + ": dependency '"
                                    + dependency.getKey()
                                    + "' of component '"
                                    + name
                                    + "' must be a local path or a component of the app");
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(where + ": declares no component");
        }
        return files;
    }
}
