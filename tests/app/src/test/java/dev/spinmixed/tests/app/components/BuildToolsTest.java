package dev.spinmixed.tests.app.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app build's Node tools refuse bad input with a message naming the module and what is wrong.
 */
class BuildToolsTest {

    @TempDir Path work;

    private record Run(int exitCode, String stderr) {}

    private Run node(String script, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "node",
                                AppComponents.appsDir()
                                        .resolve("build")
                                        .resolve(script)
                                        .toString()));
        command.addAll(List.of(args));
        Path stderr = work.resolve("stderr");
        Process process =
                new ProcessBuilder(command)
                        .redirectError(stderr.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), script + " did not finish");
        return new Run(process.exitValue(), Files.readString(stderr));
    }

    private static String core(String name) {
        return AppComponents.appsDir().resolve("target/core").resolve(name + ".wasm").toString();
    }

    @Test
    void componentizeRefusesAModuleForAnotherWorld() throws Exception {
        Path out = work.resolve("out.wasm");
        Run run =
                node(
                        "componentize.mjs",
                        AppComponents.appsDir().resolve("wit").toString(),
                        "pricing-component",
                        core("validation"),
                        out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr().contains(core("validation") + " (world pricing-component)"),
                run.stderr());
        assertTrue(run.stderr().contains("acme:pricing/pricing@0.1.0"), run.stderr());
        assertFalse(Files.exists(out), "no component is written for a module that fails");
    }

    @Test
    void componentizeRefusesAnUnknownWorld() throws Exception {
        Run run =
                node(
                        "componentize.mjs",
                        AppComponents.appsDir().resolve("wit").toString(),
                        "no-such-world",
                        core("validation"),
                        work.resolve("out.wasm").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("no-such-world"), run.stderr());
    }

    @Test
    void renameExportsNamesTheMissingExport() throws Exception {
        Run run =
                node(
                        "rename-exports.mjs",
                        core("inventory"),
                        work.resolve("out.wasm").toString(),
                        "reserve=anything");
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("no export named 'reserve'"), run.stderr());
    }

    @Test
    void renameExportsRenamesAFunctionExport() throws Exception {
        Path out = work.resolve("out.wasm");
        Run run =
                node(
                        "rename-exports.mjs",
                        core("inventory"),
                        out.toString(),
                        "cabi_realloc=cabi_realloc_renamed");
        assertEquals(0, run.exitCode(), run.stderr());
        byte[] renamed = Files.readAllBytes(out);
        assertTrue(
                new String(renamed, StandardCharsets.ISO_8859_1).contains("cabi_realloc_renamed"));
    }
}
