package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guests that misbehave (faulty.wat, bad-realloc.wat) get clear faults; the host carries on. */
class GuestFaultTest {

    private static final String FAULTY = "test:abi/faulty@0.1.0";
    private static final Component FAULTY_MODULE = TestModules.component("faulty", "faulty-world");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "oob-string | string at 0xffffff00 with 100 bytes runs past the end of memory"
                        + " (65536 bytes)",
                "oob-retptr | result of oob-retptr at 0x7ffffff0 with 8 bytes runs past the end of"
                        + " memory",
                "bad-utf8   | string at 0x500 (3 bytes) is not valid UTF-8",
                "bad-disc   | discriminant 7 is out of range for option<u32> (2 cases)",
                "bad-char   | char 0xd800 is not a Unicode scalar value",
                "misaligned | list<u32> of 1 elements at 0x502 is not aligned to 4 bytes",
                "big-length | list<u8> of 4294967295 elements at 0x10 with 4294967295 bytes runs"
                        + " past the end of memory",
                "trap       | trapped"
            })
    void faultNamesComponentFunctionAndProblem(String function, String problem) {
        try (Composition comp = Composition.builder(FAULTY_MODULE).build()) {
            GuestFault fault =
                    assertThrows(GuestFault.class, () -> comp.call(FAULTY, function, List.of()));
            assertEquals("faulty", fault.component());
            assertEquals(FAULTY + "#" + function, fault.function());
            assertTrue(
                    fault.getMessage()
                            .startsWith(
                                    "component 'faulty', function "
                                            + FAULTY
                                            + "#"
                                            + function
                                            + ": "),
                    fault.getMessage());
            assertTrue(fault.getMessage().contains(problem), fault.getMessage());
            assertEquals(0, comp.liveInstanceSets(), "the faulted instance set is discarded");
        }
    }

    @ParameterizedTest
    @CsvSource({"INTERPRETER", "COMPILED"})
    void aTrapDiscardsTheInstanceAndTheNextCallGetsAFreshOne(ExecutionMode mode) {
        try (Composition comp =
                Composition.builder(FAULTY_MODULE).mode(mode).maxInstances(1).build()) {
            assertEquals(1L, comp.call(FAULTY, "counter", List.of()));
            assertEquals(
                    2L,
                    comp.call(FAULTY, "counter", List.of()),
                    "a clean call returns its instance to the pool");
            assertThrows(GuestFault.class, () -> comp.call(FAULTY, "trap", List.of()));
            assertEquals(
                    1L, comp.call(FAULTY, "counter", List.of()), "fresh instance after the trap");
            assertEquals(1, comp.liveInstanceSets());
        }
    }

    @Test
    void allocatorReturningMemoryItDoesNotHave() {
        Component takes = TestModules.component("bad-realloc", "takes-world");
        try (Composition comp = Composition.builder(takes).build()) {
            GuestFault fault =
                    assertThrows(
                            GuestFault.class,
                            () -> comp.call("test:abi/takes@0.1.0", "take", List.of("hello")));
            assertTrue(
                    fault.getMessage()
                            .contains(
                                    "cabi_realloc result for string of 5 bytes at 0x7ffffff0 with 5"
                                            + " bytes runs past"),
                    fault.getMessage());
        }
    }

    @Test
    void hostPassingTheWrongJavaTypeIsToldWhichWitTypeWasExpected() {
        Component callee = TestModules.component("echo", "callee");
        try (Composition comp = Composition.builder(callee).build()) {
            GuestFault fault =
                    assertThrows(
                            GuestFault.class,
                            () -> comp.call("test:abi/echo@0.1.0", "reverse", List.of(42)));
            assertTrue(
                    fault.getMessage().contains("a string must be a String, got Integer 42"),
                    fault.getMessage());
            assertEquals("olleh", comp.call("test:abi/echo@0.1.0", "reverse", List.of("hello")));
        }
    }

    @Test
    void unknownExportIsAnArgumentError() {
        try (Composition comp = Composition.builder(FAULTY_MODULE).build()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> comp.call(FAULTY, "nope", List.of()));
            assertTrue(e.getMessage().contains(FAULTY + "#nope"), e.getMessage());
        }
    }
}
