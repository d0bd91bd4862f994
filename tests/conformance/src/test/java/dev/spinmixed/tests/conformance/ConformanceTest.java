package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.linker.AdapterMode;
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

    /**
     * Every world in both execution modes; a relay, whose calls cross between two components, with
     * both adapters.
     */
    static Stream<Arguments> worldsAndModes() {
        return Guests.WORLDS.stream()
                .flatMap(w -> Stream.of(ExecutionMode.values()).map(m -> Arguments.of(w, m)))
                .flatMap(
                        a ->
                                Guests.importsServedBy((String) a.get()[0]).isPresent()
                                        ? Stream.of(AdapterMode.values())
                                                .map(x -> Arguments.of(a.get()[0], a.get()[1], x))
                                        : Stream.of(
                                                Arguments.of(
                                                        a.get()[0],
                                                        a.get()[1],
                                                        AdapterMode.FUSED)));
    }

    static Stream<String> relays() {
        return Guests.WORLDS.stream().filter(w -> Guests.importsServedBy(w).isPresent());
    }

    @ParameterizedTest(name = "{0} on Chicory {1}, {2} adapters")
    @MethodSource("worldsAndModes")
    void chicoryAgreesWithJco(String world, ExecutionMode mode, AdapterMode adapters)
            throws Exception {
        List<Call> calls = Cases.generate(world, Cases.SEED);
        List<Outcome> expected = JCO.get(world);
        if (expected == null) {
            expected = JcoHost.run(world, calls);
            JCO.put(world, expected);
        }
        List<Outcome> actual;
        try (ChicoryHost chicory = ChicoryHost.start(world, mode, adapters)) {
            actual = chicory.run(calls);
        }
        Comparison.assertAgree(calls, expected, actual, Cases.SEED);
    }

    /**
     * A relay's calls give exactly the same outcomes, failures word for word, whether they cross
     * through fused adapters or through Java values.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("relays")
    void fusedAdaptersGiveWhatLiftingAndLoweringGives(String world) throws Exception {
        List<Call> calls = Cases.generate(world, Cases.SEED);
        List<String> fused;
        List<String> liftLower;
        try (ChicoryHost chicory =
                ChicoryHost.start(world, ExecutionMode.INTERPRETER, AdapterMode.FUSED)) {
            fused = chicory.run(calls).stream().map(Outcome::toString).toList();
        }
        try (ChicoryHost chicory =
                ChicoryHost.start(world, ExecutionMode.INTERPRETER, AdapterMode.LIFT_LOWER)) {
            liftLower = chicory.run(calls).stream().map(Outcome::toString).toList();
        }
        assertEquals(liftLower, fused);
    }
}
