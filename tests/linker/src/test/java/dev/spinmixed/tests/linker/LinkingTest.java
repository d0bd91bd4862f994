package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.linker.LinkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A C caller linked in-process to a C callee and to Java host functions, in both execution modes,
 * the caller reaching the callee through fused adapters and through Java values.
 */
class LinkingTest {

    private static final String ECHO = "test:abi/echo@0.1.0";
    private static final String FRONT = "test:abi/front@0.1.0";
    private static final String NOTES = "test:abi/notes@0.1.0";

    private static final Component CALLEE = TestModules.component("echo", "callee");
    private static final Component CALLER = TestModules.component("caller", "caller");

    static Stream<Arguments> modesAndAdapters() {
        return Stream.of(ExecutionMode.values())
                .flatMap(m -> Stream.of(AdapterMode.values()).map(a -> Arguments.of(m, a)));
    }

    private static Composition linked(
            ExecutionMode mode, AdapterMode adapters, List<String> notesSeen) {
        return Composition.builder(CALLER)
                .adapters(adapters)
                .dependency(ECHO, CALLEE)
                .host(
                        NOTES,
                        "note",
                        args -> {
                            String msg = (String) args.get(0);
                            notesSeen.add(msg);
                            return msg.isEmpty() ? Optional.empty() : Optional.of("«" + msg + "»");
                        })
                .mode(mode)
                .maxInstances(2)
                .build();
    }

    private static Record item(String name, long price, long qty) {
        return Record.of("name", name, "price", price, "qty", qty);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndAdapters")
    void stringsCrossTwoModulesAndComeBack(ExecutionMode mode, AdapterMode adapters) {
        try (Composition comp = linked(mode, adapters, new ArrayList<>())) {
            assertEquals("OLLEH", comp.call(FRONT, "shout", List.of("hello")));
            assertEquals("", comp.call(FRONT, "shout", List.of("")));
            assertEquals(
                    "éTé AL",
                    comp.call(FRONT, "shout", List.of("la été")),
                    "multi-byte UTF-8 survives both hops");
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndAdapters")
    void listOfRecordsToResult(ExecutionMode mode, AdapterMode adapters) {
        try (Composition comp = linked(mode, adapters, new ArrayList<>())) {
            List<Object> items = List.of(item("apple", 120, 3), item("pear", 5_000_000_000L, 2));
            assertEquals(
                    Result.ok(10_000_000_360L), comp.call(FRONT, "order-total", List.of(items)));
            assertEquals(Result.ok(0L), comp.call(FRONT, "order-total", List.of(List.of())));
            assertEquals(
                    Result.err("zero quantity for pear"),
                    comp.call(
                            FRONT,
                            "order-total",
                            List.of(List.of(item("apple", 1, 1), item("pear", 1, 0)))));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndAdapters")
    void javaHostImportGoesThroughTheSameAbi(ExecutionMode mode, AdapterMode adapters) {
        List<String> seen = new ArrayList<>();
        try (Composition comp = linked(mode, adapters, seen)) {
            assertEquals("note: «ünïcødé ✓»", comp.call(FRONT, "annotate", List.of("ünïcødé ✓")));
            assertEquals("no note", comp.call(FRONT, "annotate", List.of("")));
            assertEquals(List.of("ünïcødé ✓", ""), seen);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callingTheCalleeDirectly(ExecutionMode mode) {
        try (Composition comp = Composition.builder(CALLEE).mode(mode).build()) {
            byte[] body = new byte[100_000];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) i;
            }
            byte[] reversed = (byte[]) comp.call(ECHO, "bytes", List.of(body));
            for (int i = 0; i < body.length; i++) {
                assertEquals(body[body.length - 1 - i], reversed[i]);
            }
            assertArrayEquals(new byte[0], (byte[]) comp.call(ECHO, "bytes", List.of(new byte[0])));
            List<Object> seventeen =
                    new ArrayList<>(
                            IntStream.rangeClosed(1, 17).mapToObj(i -> (Object) (long) i).toList());
            seventeen.set(16, 0xFFFFFFFFL);
            assertEquals(136L + 0xFFFFFFFFL, comp.call(ECHO, "spill", seventeen));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndAdapters")
    void trapInTheCalleeDiscardsTheSetAndTheNextCallWorks(
            ExecutionMode mode, AdapterMode adapters) {
        try (Composition comp = linked(mode, adapters, new ArrayList<>())) {
            assertEquals("OLLEH", comp.call(FRONT, "shout", List.of("hello")));
            GuestFault fault =
                    assertThrows(
                            GuestFault.class, () -> comp.call(FRONT, "fail-through", List.of()));
            assertEquals("echo", fault.component());
            assertEquals(ECHO + "#fail", fault.function());
            assertTrue(fault.getMessage().contains("trapped"), fault.getMessage());
            assertEquals(0, comp.liveInstanceSets(), "the set that faulted is discarded");
            assertEquals("OLLEH", comp.call(FRONT, "shout", List.of("hello")));
            assertEquals(
                    1,
                    comp.liveInstanceSets(),
                    "a fresh set serves the next call and goes back to the pool");
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndAdapters")
    void hostFunctionThatThrowsIsAGuestFault(ExecutionMode mode, AdapterMode adapters) {
        try (Composition comp =
                Composition.builder(CALLER)
                        .adapters(adapters)
                        .dependency(ECHO, CALLEE)
                        .host(
                                NOTES,
                                "note",
                                args -> {
                                    throw new IllegalStateException("notes backend down");
                                })
                        .mode(mode)
                        .build()) {
            GuestFault fault =
                    assertThrows(
                            GuestFault.class, () -> comp.call(FRONT, "annotate", List.of("x")));
            assertTrue(fault.getMessage().contains("notes backend down"), fault.getMessage());
            assertEquals("OLLEH", comp.call(FRONT, "shout", List.of("hello")));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void bothAdaptersGiveTheSameFault(ExecutionMode mode) {
        List<String> messages = new ArrayList<>();
        for (AdapterMode adapters : AdapterMode.values()) {
            try (Composition comp = linked(mode, adapters, new ArrayList<>())) {
                messages.add(
                        assertThrows(
                                        GuestFault.class,
                                        () -> comp.call(FRONT, "fail-through", List.of()))
                                .getMessage());
            }
        }
        assertEquals(messages.get(0), messages.get(1));
    }

    @org.junit.jupiter.api.Test
    void missingProviderIsALinkError() {
        LinkException e =
                assertThrows(
                        LinkException.class,
                        () -> Composition.builder(CALLER).dependency(ECHO, CALLEE).build());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(NOTES + "#note"), e.getMessage());
    }
}
