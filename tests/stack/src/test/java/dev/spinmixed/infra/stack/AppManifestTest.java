package dev.spinmixed.infra.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.spinmixed.infra.AppManifest;
import dev.spinmixed.infra.Wiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real app's manifest against what the stack assumes of it. (The SpinApp and SpinAppExecutor
 * objects themselves are checked against the CRD schemas in {@link OfflinePlanTest}.)
 */
class AppManifestTest {

    @Test
    void theRealAppDeclaresComponentDependenciesSoAksWasiRefusesIt() {
        AppManifest manifest = AppManifest.read(Path.of("../../apps/spin.toml"));
        assertTrue(
                manifest.componentsWithDependencies().contains("orchestrator"),
                manifest.toString());
        for (Wiring wiring : Wiring.values()) {
            for (String component : wiring.components()) {
                assertTrue(
                        componentIds(Path.of("../../apps/spin.toml")).contains(component),
                        wiring + " keeps " + component + ", which apps/spin.toml does not declare");
            }
        }
    }

    private static Set<String> componentIds(Path spinToml) {
        try {
            var root = new TomlMapper().readTree(spinToml.toFile());
            Set<String> ids = new HashSet<>();
            root.path("component").fieldNames().forEachRemaining(ids::add);
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
