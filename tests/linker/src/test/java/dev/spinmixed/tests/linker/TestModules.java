package dev.spinmixed.tests.linker;

import dev.spinmixed.linker.Component;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's test modules (built by build-test-wasm.sh) and their WIT (src/test/resources/wit).
 */
final class TestModules {

    static final Path WASM_DIR = Path.of("target", "test-wasm");
    static final WitResolve WIT =
            WitLoader.loadDirectory(Path.of("src", "test", "resources", "wit"));

    private TestModules() {}

    static World world(String name) {
        return WIT.world(name);
    }

    static byte[] wasm(String module) {
        Path file = WASM_DIR.resolve(module + ".wasm");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "test module " + file + " was not built (see build-test-wasm.sh)", e);
        }
    }

    static Component component(String module, String world) {
        return Component.load(module, wasm(module), world(world));
    }
}
