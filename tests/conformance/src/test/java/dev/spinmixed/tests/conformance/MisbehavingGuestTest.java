package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Results no well-behaved guest returns (the misbehaving-guest world). The canonical ABI fixes what
 * a host makes of each (CanonicalABI.md / definitions.py: lift_flat_unsigned and _signed wrap,
 * convert_int_to_bool, unpack_flags_from_int ignores unknown bits, convert_i32_to_char,
 * load_variant, load_string_from_range, load_list_from_range and lift_flat_values trap), so our
 * host is held to the spec. jco 1.35.0 departs from the spec in several places; its column records
 * what it does, so a jco upgrade that changes any of it shows up here.
 */
class MisbehavingGuestTest {

    private static final String WORLD = "misbehaving-guest";
    private static final String RELAY = "misbehaving-relay";
    private static final String TRAP = "trap";

    /** Any value, no trap: jco reads past the end of memory here, so what it reads is not fixed. */
    private static final String SOME_VALUE = "some value";

    /** What the spec requires, and what jco does; the order puts a value call after each trap. */
    private record Expectation(String function, String spec, String jco) {}

    private static final List<Expectation> EXPECTATIONS =
            List.of(
                    new Expectation("char-surrogate", TRAP, TRAP),
                    new Expectation("bool-two", "true", TRAP),
                    new Expectation("char-too-big", TRAP, TRAP),
                    new Expectation("u8-wide", "255", TRAP),
                    new Expectation("enum-out-of-range", TRAP, TRAP),
                    new Expectation("s8-wide", "-128", TRAP),
                    new Expectation("option-bad-discriminant", TRAP, TRAP),
                    new Expectation("s16-wide", "-32768", TRAP),
                    new Expectation("string-invalid-utf8", TRAP, "\"\uFFFD(\""),
                    new Expectation("flags-extra-bits", "[\"first\",\"second\"]", TRAP),
                    new Expectation("string-out-of-bounds", TRAP, TRAP),
                    new Expectation("list-misaligned", TRAP, TRAP),
                    new Expectation("list-out-of-bounds", TRAP, SOME_VALUE),
                    new Expectation("return-area-misaligned", TRAP, "[0,0]"),
                    new Expectation("return-area-out-of-bounds", TRAP, TRAP));

    @Test
    void chicoryFollowsTheSpecAndKeepsServingAfterEachTrap() throws Exception {
        for (ExecutionMode mode : ExecutionMode.values()) {
            List<Outcome> outcomes;
            try (ChicoryHost chicory = ChicoryHost.start(WORLD, mode)) {
                outcomes = chicory.run(EXPECTATIONS.stream().map(e -> call(e.function())).toList());
            }
            assertAll("Chicory " + mode, checks(outcomes, Expectation::spec, "GuestFault: "));
        }
    }

    /**
     * The same values handed to another component (misbehaving-relay) instead of the host: the
     * adapter between them reduces or refuses each as the spec says, the fault is the guest's that
     * made the value, and the fused adapters fail word for word as lifting and lowering does.
     */
    @Test
    void betweenComponentsBothAdaptersFollowTheSpecWithTheSameFaults() throws Exception {
        for (ExecutionMode mode : ExecutionMode.values()) {
            List<String> reference = null;
            for (AdapterMode adapters : AdapterMode.values()) {
                List<Outcome> outcomes;
                try (ChicoryHost chicory = ChicoryHost.start(RELAY, mode, adapters)) {
                    outcomes =
                            chicory.run(
                                    EXPECTATIONS.stream()
                                            .map(e -> call(RELAY, e.function()))
                                            .toList());
                }
                assertAll(
                        "Chicory " + mode + ", " + adapters + " adapters",
                        checks(outcomes, Expectation::spec, "GuestFault: "));
                for (Outcome o : outcomes) {
                    assertTrue(
                            o.failure() == null
                                    || o.failure()
                                            .startsWith(
                                                    "GuestFault: component 'misbehaving-guest',"),
                            "the fault is the guest's that made the value: " + o);
                }
                List<String> shown = outcomes.stream().map(Outcome::toString).toList();
                if (reference == null) {
                    reference = shown;
                } else {
                    assertEquals(reference, shown, "both adapters, " + mode);
                }
            }
        }
    }

    /** One Node process per call: a jco component instance refuses every call after a trap. */
    @Test
    void jcoBehavesAsRecorded() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Expectation e : EXPECTATIONS) {
            outcomes.add(JcoHost.run(WORLD, List.of(call(e.function()))).get(0));
        }
        assertAll("jco", checks(outcomes, Expectation::jco, ""));
    }

    /**
     * A trap counts only when the failure starts with {@code trapPrefix} (for Chicory: the linker's
     * GuestFault).
     */
    private static List<Executable> checks(
            List<Outcome> outcomes, Function<Expectation, String> expected, String trapPrefix) {
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < EXPECTATIONS.size(); i++) {
            Expectation e = EXPECTATIONS.get(i);
            Outcome outcome = outcomes.get(i);
            checks.add(
                    () ->
                            assertEquals(
                                    expected.apply(e),
                                    summary(outcome, expected.apply(e), trapPrefix),
                                    e.function() + ": " + outcome));
        }
        return checks;
    }

    private static String summary(Outcome outcome, String expected, String trapPrefix) {
        if (outcome.result() == null) {
            return outcome.failure().startsWith(trapPrefix) ? TRAP : outcome.failure();
        }
        return expected.equals(SOME_VALUE) ? SOME_VALUE : outcome.result();
    }

    private static Call call(String function) {
        return call(WORLD, function);
    }

    private static Call call(String world, String function) {
        return new Call(Guests.function(world, "misbehaving", function), List.of());
    }
}
