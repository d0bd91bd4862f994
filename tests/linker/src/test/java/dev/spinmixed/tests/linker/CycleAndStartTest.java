package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.linker.LinkException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Re-entering a component through a dependency cycle is refused; a start trap fails instantiation
 * cleanly.
 */
class CycleAndStartTest {

    @ParameterizedTest
    @EnumSource(AdapterMode.class)
    void reEnteringAComponentThroughACycleIsAFault(AdapterMode adapters) {
        Component ping = TestModules.component("ping", "ping-world");
        Component pong = TestModules.component("pong", "pong-world");
        try (Composition comp =
                Composition.builder(ping)
                        .adapters(adapters)
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

    /**
     * As Spin composes a dependency (spin v3.6.3 crates/compose), a root link serves the root's
     * import only: the provider's own imports go to the host functions, never back to the root.
     */
    @ParameterizedTest
    @EnumSource(AdapterMode.class)
    void aRootLinkServesTheRootsImportOnly(AdapterMode adapters) {
        Component ping = TestModules.component("ping", "ping-world");
        Component pong = TestModules.component("pong", "pong-world");
        LinkException unserved =
                assertThrows(
                        LinkException.class,
                        () ->
                                Composition.builder(ping)
                                        .rootLink(
                                                "test:abi/pong@0.1.0", pong, "test:abi/pong@0.1.0")
                                        .build());
        assertTrue(
                unserved.getMessage()
                        .contains("imports test:abi/ping@0.1.0#ping but no dependency"),
                unserved.getMessage());
        try (Composition comp =
                Composition.builder(ping)
                        .adapters(adapters)
                        .rootLink("test:abi/pong@0.1.0", pong, "test:abi/pong@0.1.0")
                        .host("test:abi/ping@0.1.0", "ping", args -> 0L)
                        .build()) {
            assertEquals(
                    1L,
                    comp.call("test:abi/ping@0.1.0", "ping", List.of(3L)),
                    "ping(3) = 1 + pong(2), and pong(2) is the host's ping(2), which answers 0");
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
