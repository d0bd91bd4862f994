package dev.spinmixed.infra;

import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * What the stack needs to know about the spin.toml that goes into the image: which components
 * compose others through Spin 3 component dependencies (a Spin 2.6 runtime cannot load those).
 */
public record AppManifest(Path file, List<String> componentsWithDependencies) {

    public AppManifest {
        componentsWithDependencies = List.copyOf(componentsWithDependencies);
    }

    /** Reads the manifest with Spin's rules; throws if Spin would refuse it. */
    public static AppManifest read(Path spinToml) {
        SpinManifest manifest = ManifestReader.read(spinToml);
        return new AppManifest(
                spinToml,
                manifest.components().values().stream()
                        .filter(c -> !c.dependencies().isEmpty())
                        .map(c -> c.id())
                        .toList());
    }
}
