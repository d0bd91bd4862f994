package dev.spinmixed.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the stack needs to know about the spin.toml that goes into the image: which components
 * compose others through Spin 3 component dependencies (a Spin 2.6 runtime cannot load those).
 */
public record AppManifest(Path file, List<String> componentsWithDependencies) {

    public AppManifest {
        componentsWithDependencies = List.copyOf(componentsWithDependencies);
    }

    public static AppManifest read(Path spinToml) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(spinToml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the app manifest " + spinToml + ": " + e.getMessage(), e);
        }
        List<String> withDependencies = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("component").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> component = it.next();
            if (component.getValue().path("dependencies").size() > 0) {
                withDependencies.add(component.getKey());
            }
        }
        return new AppManifest(spinToml, withDependencies);
    }
}
