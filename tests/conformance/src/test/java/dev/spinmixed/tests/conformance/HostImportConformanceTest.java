package dev.spinmixed.tests.conformance;

import dev.spinmixed.linker.ExecutionMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host-import path: the text relay's imports served by Java host functions ({@link TextInJava})
 * on Chicory, against the same relay linked by jco to the wasm text-echo. Every call lifts the
 * relay's arguments into Java values and lowers the Java result back into the relay's memory
 * (through its cabi_realloc), so the answers agree only if that path follows the ABI.
 */
class HostImportConformanceTest {

    private static final String WORLD = "text-relay";
    private static final String TEXT = "conformance:echo/text@0.1.0";

    @Test
    void relayWithJavaHostImportsAgreesWithJcoLinkingTheWasmTwin() throws Exception {
        List<Call> calls = Cases.generate(WORLD, Cases.SEED);
        List<Outcome> expected = JcoHost.run(WORLD, calls);
        List<Outcome> actual;
        try (ChicoryHost chicory =
                ChicoryHost.startWithHostImports(
                        WORLD, ExecutionMode.INTERPRETER, TEXT, TextInJava.functions())) {
            actual = chicory.run(calls);
        }
        Comparison.assertAgree(calls, expected, actual, Cases.SEED);
    }
}
