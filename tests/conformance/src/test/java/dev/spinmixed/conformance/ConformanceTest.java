package dev.spinmixed.conformance;

import dev.spinmixed.linker.ExecutionMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's conformance proof: the same core module, called with the same generated arguments,
 * gives byte-for-byte the same results (as canonical JSON text) on our Chicory host as on jco, an
 * independent component-model implementation. Run with {@code -Dconformance.seed=N} to try other
 * random values; the seed is in every failure message.
 */
class ConformanceTest {

    /** jco's outcomes do not depend on Chicory's execution mode: computed once per world. */
    private static final Map<String, List<Outcome>> JCO = new ConcurrentHashMap<>();

    static Stream<Arguments> worldsAndModes() {
        return Guests.WORLDS.stream()
                .flatMap(w -> Stream.of(ExecutionMode.values()).map(m -> Arguments.of(w, m)));
    }

    @ParameterizedTest(name = "{0} on Chicory {1}")
    @MethodSource("worldsAndModes")
    void chicoryAgreesWithJco(String world, ExecutionMode mode) throws Exception {
        List<Call> calls = Cases.generate(world, Cases.SEED);
        List<Outcome> expected = JCO.get(world);
        if (expected == null) {
            expected = JcoHost.run(world, calls);
            JCO.put(world, expected);
        }
        List<Outcome> actual;
        try (ChicoryHost chicory = ChicoryHost.start(world, mode)) {
            actual = chicory.run(calls);
        }
        Comparison.assertAgree(calls, expected, actual, Cases.SEED);
    }
}
