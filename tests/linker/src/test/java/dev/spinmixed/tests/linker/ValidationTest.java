package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.ModuleValidator;
import dev.spinmixed.linker.ValidationException;
import dev.spinmixed.linker.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core modules checked against worlds: every problem reported, each naming what was expected. */
class ValidationTest {

    private static ValidationReport validate(String module, String world) {
        return ModuleValidator.validate(
                module, Parser.parse(TestModules.wasm(module)), TestModules.world(world));
    }

    @Test
    void wellFormedModulesAreValid() {
        assertTrue(
                validate("echo", "callee").isValid(), () -> validate("echo", "callee").toString());
        assertTrue(
                validate("caller", "caller").isValid(),
                () -> validate("caller", "caller").toString());
        assertTrue(validate("faulty", "faulty-world").isValid());
    }

    @Test
    void everyProblemIsListedWithExpectedAndActualSignatures() {
        ValidationReport report = validate("wrong-shape", "callee");
        assertEquals(
                List.of(
                        "missing export 'test:abi/echo@0.1.0#total' (param i32 i32) (result i32)",
                        "missing export 'test:abi/echo@0.1.0#bytes' (param i32 i32) (result i32)",
                        "missing export 'test:abi/echo@0.1.0#spill' (param i32) (result i64)",
                        "missing export 'test:abi/echo@0.1.0#fail' (result i32)",
                        "export 'test:abi/echo@0.1.0#reverse' has signature (param i32) (result"
                                + " i32), expected (param i32 i32) (result i32)",
                        "imports function 'test:abi/echo@0.1.0' 'unknown', which world callee does"
                                + " not import",
                        "imports memory 'env' 'memory'; only functions can be imported",
                        "missing export 'memory': the world passes strings, lists or spilled values"
                                + " through memory",
                        "export 'cabi_realloc' has signature (param i32 i32 i32) (result i32),"
                                + " expected (param i32 i32 i32 i32) (result i32)"),
                report.problems().stream().sorted(ValidationTest::byKind).toList());
    }

    @Test
    void loadThrowsWithTheWholeReport() {
        ValidationException e =
                assertThrows(
                        ValidationException.class, () -> TestModules.component("caller", "callee"));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "module 'caller' does not implement world test:abi/callee@0.1.0 ("),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("missing export 'test:abi/echo@0.1.0#reverse'"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "imports function 'test:abi/notes@0.1.0' 'note', which world callee"
                                        + " does not import"),
                e.getMessage());
        assertTrue(e.report().problems().size() >= 6, e.getMessage());
    }

    @Test
    void bytesThatAreNotWasm() {
        ValidationException e =
                assertThrows(
                        ValidationException.class,
                        () ->
                                Component.load(
                                        "junk",
                                        new byte[] {1, 2, 3, 4},
                                        TestModules.world("callee")));
        assertTrue(e.getMessage().contains("not a valid wasm module"), e.getMessage());
    }

    /**
     * Missing exports, then signature mismatches, then imports, then memory/realloc; stable within
     * a kind.
     */
    private static int byKind(String a, String b) {
        return Integer.compare(kind(a), kind(b));
    }

    private static int kind(String problem) {
        if (problem.startsWith("missing export 'test:")) {
            return 0;
        }
        if (problem.startsWith("export 'test:")) {
            return 1;
        }
        if (problem.startsWith("imports")) {
            return 2;
        }
        return 3;
    }
}
