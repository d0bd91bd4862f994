package dev.spinmixed.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spinmixed.linker.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's conformance proof: the same core module, called with the same generated arguments,
 * gives byte-for-byte the same results (as canonical JSON text) on our Chicory host as on jco,
 * an independent component-model implementation. Run with {@code -Dconformance.seed=N} to try
 * other random values; the seed is in every failure message.
 */
class ConformanceTest {

    private static final long SEED = Long.getLong("conformance.seed", 20261127L);
    private static final int MISMATCHES_SHOWN = 15;

    /** jco's outcomes do not depend on Chicory's execution mode: computed once per world. */
    private static final Map<String, List<Outcome>> JCO = new ConcurrentHashMap<>();

    static Stream<Arguments> worldsAndModes() {
        return Guests.WORLDS.stream()
                .flatMap(w -> Stream.of(ExecutionMode.values()).map(m -> Arguments.of(w, m)));
    }

    @ParameterizedTest(name = "{0} on Chicory {1}")
    @MethodSource("worldsAndModes")
    void chicoryAgreesWithJco(String world, ExecutionMode mode) throws Exception {
        List<Call> calls = Cases.generate(world, SEED);
        List<Outcome> expected = jco(world, calls);
        List<Outcome> actual;
        try (ChicoryHost chicory = ChicoryHost.start(world, mode)) {
            actual = chicory.run(calls);
        }
        assertEquals(calls.size(), actual.size());

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!expected.get(i).agreesWith(actual.get(i))) {
                Call call = calls.get(i);
                mismatches.add(call.target().describe() + "\n    input:   " + call.args()
                        + "\n    jco:     " + expected.get(i) + "\n    chicory: " + actual.get(i));
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + calls.size() + " calls differ (seed " + SEED + "), first "
                    + Math.min(MISMATCHES_SHOWN, mismatches.size()) + ":\n"
                    + String.join("\n", mismatches.subList(0, Math.min(MISMATCHES_SHOWN, mismatches.size()))));
        }
    }

    /** The generated calls are all valid, so a failure on jco means the cases or the runner are broken. */
    private static List<Outcome> jco(String world, List<Call> calls) throws Exception {
        List<Outcome> outcomes = JCO.get(world);
        if (outcomes == null) {
            outcomes = JcoHost.run(world, calls);
            for (int i = 0; i < calls.size(); i++) {
                if (outcomes.get(i).result() == null) {
                    fail("jco failed on a generated call (seed " + SEED + "): " + calls.get(i).target().describe()
                            + " with " + calls.get(i).args() + ": " + outcomes.get(i).failure());
                }
            }
            JCO.put(world, outcomes);
        }
        return outcomes;
    }
}
