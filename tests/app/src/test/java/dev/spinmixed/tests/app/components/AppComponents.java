package dev.spinmixed.tests.app.components;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The app's built core modules (apps/target/core), loaded through the contract library. */
final class AppComponents {

    private AppComponents() {}

    /** The apps directory, set by the build (tests/app/pom.xml). */
    static Path appsDir() {
        String dir = System.getProperty("apps.dir");
        if (dir == null) {
            throw new IllegalStateException(
                    "system property apps.dir is not set (tests/app/pom.xml sets it)");
        }
        return Path.of(dir);
    }

    static Component load(String name, String world) {
        WitResolve wit = WitLoader.loadDirectory(appsDir().resolve("wit"));
        Path module = appsDir().resolve("target/core").resolve(name + ".wasm");
        if (!Files.isRegularFile(module)) {
            throw new IllegalStateException(
                    module + " is missing: build the app first (./mvnw -pl apps -am install)");
        }
        try {
            return Component.load(name, module, wit.world(world));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A composition of one component alone: the domain components import nothing but WASI. */
    static Composition alone(String name, String world) {
        return Composition.builder(load(name, world)).maxInstances(1).build();
    }
}
