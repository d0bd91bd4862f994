package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.MachineCache;
import dev.spinmixed.linker.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime compiler's machines kept between starts: the first composition stores one jar per
 * module digest, a later one with a fresh component of the same module loads it and runs the same
 * calls, and a changed module is compiled anew under its own digest; a corrupt entry or a cache
 * that cannot be written costs a compile, never a call.
 */
class MachineCacheTest {

    private static final String ECHO = "test:abi/echo@0.1.0";

    @Test
    void aModuleIsCompiledOnceAndLoadedByItsDigestAfterwards(@TempDir Path root)
            throws IOException {
        MachineCache cache = MachineCache.at(root).orElseThrow();
        assertEquals("reversed", reverse(cache, TestModules.wasm("echo"), "desrever"));
        List<Path> stored = entries(cache);
        assertEquals(1, stored.size(), "one jar for the one module: " + stored);
        byte[] jar = Files.readAllBytes(stored.get(0));

        assertEquals("again", reverse(cache, TestModules.wasm("echo"), "niaga"));
        assertEquals(stored, entries(cache), "loaded, not compiled again");
        assertArrayEquals(jar, Files.readAllBytes(stored.get(0)));

        byte[] changed = TestModules.wasm("echo");
        changed = java.util.Arrays.copyOf(changed, changed.length + 7);
        // A custom section appended: the same code, another module, another digest.
        System.arraycopy(
                new byte[] {0, 5, 4, 'n', 'o', 't', 'e'}, 0, changed, changed.length - 7, 7);
        assertEquals("new", reverse(cache, changed, "wen"));
        assertEquals(2, entries(cache).size(), "a changed module is compiled under its digest");
        assertTrue(cache.dir().getFileName().toString().startsWith("chicory-"));
    }

    @Test
    void anEntryChicoryCannotLoadIsCompiledAndStoredAnew(@TempDir Path root) throws IOException {
        MachineCache cache = MachineCache.at(root).orElseThrow();
        reverse(cache, TestModules.wasm("echo"), "a");
        Path entry = entries(cache).get(0);
        byte[] good = Files.readAllBytes(entry);
        Files.write(
                entry, new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});

        assertEquals("loaded", reverse(cache, TestModules.wasm("echo"), "dedaol"));
        assertArrayEquals(good, Files.readAllBytes(entry), "the corrupt entry was replaced");
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsACompile(@TempDir Path root) throws IOException {
        Path blocked = root.resolve("blocked");
        Files.writeString(blocked, "a file where the cache's directory should be");
        MachineCache cache = MachineCache.at(blocked).orElseThrow();

        assertEquals("still", reverse(cache, TestModules.wasm("echo"), "llits"));
        assertEquals("twice", reverse(cache, TestModules.wasm("echo"), "eciwt"));
    }

    @Test
    void chicorysValidationRunsOnceForTheSameBytes(@TempDir Path root) {
        MachineCache cache = MachineCache.at(root).orElseThrow();
        // One function typed () -> i32 whose body returns nothing: it parses, but is not valid.
        byte[] invalid = {
            0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 10, 4, 1, 2, 0,
            0x0b
        };
        Optional<MachineCache> verdicts = Optional.of(cache);

        assertTrue(problems(invalid, verdicts).get(0).startsWith("not a valid wasm module"));
        assertFalse(cache.validated(MachineCache.sha256(invalid)), "a failure is not recorded");

        byte[] echo = TestModules.wasm("echo");
        Component.load("echo", echo, TestModules.world("callee"), verdicts);
        assertTrue(cache.validated(MachineCache.sha256(echo)), "a pass is recorded");
        Component.load("echo", echo, TestModules.world("callee"), verdicts);

        // The verdict is trusted: recorded for these bytes, only the world check runs on them.
        cache.recordValidated(MachineCache.sha256(invalid));
        List<String> problems = problems(invalid, verdicts);
        assertTrue(
                problems.stream().noneMatch(p -> p.startsWith("not a valid wasm module")),
                problems.toString());
    }

    private static List<String> problems(byte[] wasm, Optional<MachineCache> cache) {
        ValidationException e =
                assertThrows(
                        ValidationException.class,
                        () -> Component.load("m", wasm, TestModules.world("callee"), cache));
        return e.report().problems();
    }

    private static String reverse(MachineCache cache, byte[] wasm, String s) {
        Component echo = Component.load("echo", wasm, TestModules.world("callee"));
        try (Composition comp =
                Composition.builder(echo)
                        .mode(ExecutionMode.COMPILED)
                        .machineCache(cache)
                        .build()) {
            return (String) comp.call(ECHO, "reverse", List.of(s));
        }
    }

    private static List<Path> entries(MachineCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.dir())) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
