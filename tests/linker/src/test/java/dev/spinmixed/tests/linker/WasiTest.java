package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.linker.WasiGrant;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WASI preview 1 is deny-by-default: no clock, randomness, environment or files unless granted. */
class WasiTest {

    private static final String PROBE = "test:abi/probe@0.1.0";
    private static final Component MODULE = TestModules.component("wasi_probe", "wasi-world");

    /** wasi-libc's errno value for ENOTCAPABLE. */
    private static final long ENOTCAPABLE = 76;

    @Test
    void nothingIsGrantedByDefault() {
        try (Composition comp = Composition.builder(MODULE).build()) {
            assertEquals(-ENOTCAPABLE, comp.call(PROBE, "now", List.of()));
            assertEquals(-ENOTCAPABLE, (long) (int) comp.call(PROBE, "entropy", List.of()));
            assertEquals(0L, comp.call(PROBE, "environment", List.of()));
            assertTrue(
                    (int) comp.call(PROBE, "open-file", List.of()) < 0, "no preopened directories");
        }
    }

    @Test
    void clockAndRandomWhenGranted() {
        try (Composition comp =
                Composition.builder(MODULE)
                        .wasi(WasiGrant.none().withClock().withRandom())
                        .build()) {
            long now = (Long) comp.call(PROBE, "now", List.of());
            assertTrue(Math.abs(now - System.currentTimeMillis() / 1000) < 60, "real time: " + now);
            assertEquals(0, comp.call(PROBE, "entropy", List.of()));
        }
    }

    @Test
    void procExitIsAGuestFaultAndTheHostCarriesOn() {
        try (Composition comp = Composition.builder(MODULE).build()) {
            GuestFault fault =
                    assertThrows(GuestFault.class, () -> comp.call(PROBE, "quit", List.of()));
            assertTrue(fault.getMessage().endsWith("exited with code 3"), fault.getMessage());
            assertEquals(0L, comp.call(PROBE, "environment", List.of()));
        }
    }

    @Test
    void stdoutGoesToTheGivenSink() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (Composition comp =
                Composition.builder(MODULE).wasi(WasiGrant.none().withOutput(sink)).build()) {
            assertEquals(null, comp.call(PROBE, "say", List.of("hello from the guest ✓")));
        }
        assertEquals("hello from the guest ✓\n", sink.toString(StandardCharsets.UTF_8));
    }
}
