package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.tests.linker.generated.EchoModule;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * echo.wasm compiled by chicory-compiler-maven-plugin during this build, plugged in per component.
 */
class BuildTimeMachineTest {

    private static final String ECHO = "test:abi/echo@0.1.0";

    @Test
    void theBuildTimeMachineRunsTheCalls() {
        AtomicInteger machines = new AtomicInteger();
        Component echo =
                TestModules.component("echo", "callee")
                        .withMachineFactory(
                                instance -> {
                                    machines.incrementAndGet();
                                    return EchoModule.create(instance);
                                });
        try (Composition comp = Composition.builder(echo).mode(ExecutionMode.INTERPRETER).build()) {
            assertEquals("olleh", comp.call(ECHO, "reverse", List.of("hello")));
            assertEquals(
                    Result.ok(6L),
                    comp.call(
                            ECHO,
                            "total",
                            List.of(List.of(Record.of("name", "x", "price", 2L, "qty", 3L)))));
            GuestFault trap =
                    assertThrows(GuestFault.class, () -> comp.call(ECHO, "fail", List.of()));
            assertTrue(trap.getMessage().contains("trapped"), trap.getMessage());
            assertEquals("dlrow", comp.call(ECHO, "reverse", List.of("world")));
        }
        assertEquals(
                2,
                machines.get(),
                "one machine per instance: the first set, and the fresh one after the trap");
    }
}
