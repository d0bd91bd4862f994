package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.infra.AppManifest;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import dev.spinmixed.spinapp.manifest.Trigger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real app's manifest against what the stack assumes of it. (The SpinApp and SpinAppExecutor
 * objects themselves are checked against the CRD schemas in {@link OfflinePlanTest}.)
 */
class AppManifestTest {
    static final Path SPIN_TOML = Path.of("../../apps/spin.toml");

    @Test
    void theRealAppDeclaresComponentDependenciesSoAksWasiRefusesIt() {
        AppManifest manifest = AppManifest.read(SPIN_TOML);
        assertTrue(
                manifest.componentsWithDependencies().contains("orchestrator"),
                manifest.toString());
    }

    /**
     * Each part of a wiring keeps components that spin.toml triggers the way the part says (so the
     * Redis-triggered ones land in the one-replica workload), and every triggered component is in
     * exactly one part: a relay added to spin.toml but not here would run nowhere.
     */
    @Test
    void everyTriggeredComponentIsInExactlyOnePartOfTheTriggerKindItHas() {
        SpinManifest manifest = ManifestReader.read(SPIN_TOML);
        Map<String, String> triggerOf =
                manifest.triggers().stream()
                        .collect(
                                Collectors.toMap(
                                        t -> t.component().orElseThrow(),
                                        Trigger::type,
                                        (a, b) -> a.equals(b) ? a : a + "+" + b));
        List<String> inParts = new ArrayList<>();
        for (Wiring wiring : Wiring.values()) {
            for (Wiring.Part part : wiring.parts()) {
                for (String component : part.components()) {
                    assertEquals(
                            part.trigger().spinTomlType(),
                            triggerOf.get(component),
                            wiring + " part " + part.id() + " keeps " + component);
                    inParts.add(component);
                }
            }
        }
        assertEquals(Set.copyOf(manifest.triggeredComponents()), Set.copyOf(inParts));
        assertEquals(inParts.size(), Set.copyOf(inParts).size(), "a component in two parts");
    }
}
