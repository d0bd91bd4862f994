package dev.spinmixed.abi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.GuestFault;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Re-entering a component through a dependency cycle is refused; a start trap fails instantiation
 * cleanly.
 */
class CycleAndStartTest {

    @Test
    void reEnteringAComponentThroughACycleIsAFault() {
        Component ping = TestModules.component("ping", "ping-world");
        Component pong = TestModules.component("pong", "pong-world");
        try (Composition comp =
                Composition.builder(ping)
                        .dependency("test:abi/pong@0.1.0", pong)
                        .dependency("test:abi/ping@0.1.0", ping)
                        .build()) {
            assertEquals(
                    0L,
                    comp.call("test:abi/ping@0.1.0", "ping", List.of(0L)),
                    "no import call, no cycle");
            GuestFault fault =
                    assertThrows(
                            GuestFault.class,
                            () -> comp.call("test:abi/ping@0.1.0", "ping", List.of(3L)));
            assertEquals("ping", fault.component());
            assertTrue(
                    fault.getMessage().contains("re-entered while a call into it is in progress"),
                    fault.getMessage());
            assertEquals(0, comp.liveInstanceSets());
        }
    }

    @Test
    void aTrapInTheStartFunctionIsAnInstantiationFault() {
        Component broken = TestModules.component("start-trap", "takes-world");
        try (Composition comp = Composition.builder(broken).build()) {
            for (int i = 0; i < 3; i++) {
                GuestFault fault =
                        assertThrows(
                                GuestFault.class,
                                () -> comp.call("test:abi/takes@0.1.0", "take", List.of("x")));
                assertEquals("start-trap", fault.component());
                assertEquals("(instantiation)", fault.function());
                assertTrue(
                        fault.getMessage()
                                .contains(
                                        "could not be instantiated: Trapped on unreachable"
                                                + " instruction"),
                        fault.getMessage());
            }
            assertEquals(0, comp.liveInstanceSets());
        }
    }
}
