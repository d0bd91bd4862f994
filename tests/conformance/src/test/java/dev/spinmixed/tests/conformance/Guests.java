package dev.spinmixed.tests.conformance;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conformance guests as the Maven build leaves them (src/test/scripts/build-guests.sh): per
 * world of src/test/wit, the core module and its jco-transpiled JavaScript. A {@code -relay} world
 * imports what its {@code -echo} twin exports and forwards every call to it.
 */
final class Guests {

    static final List<String> WORLDS =
            List.of(
                    "scalar-echo",
                    "text-echo",
                    "text-relay",
                    "structured-echo",
                    "structured-relay");

    private static final WitResolve WIT = WitLoader.loadDirectory(sources().resolve("wit"));

    private Guests() {}

    /**
     * The world whose component serves a world's imports: a relay's -echo twin, the misbehaving
     * guest for the misbehaving relay.
     */
    static Optional<String> importsServedBy(String world) {
        if (world.equals("misbehaving-relay")) {
            return Optional.of("misbehaving-guest");
        }
        return world.endsWith("-relay")
                ? Optional.of(world.replace("-relay", "-echo"))
                : Optional.empty();
    }

    static World world(String name) {
        return WIT.world(name);
    }

    static Path coreModule(String world) {
        return built().resolve(world + ".wasm");
    }

    static Path transpiled(String world) {
        return built().resolve("js").resolve(world).resolve(world + ".js");
    }

    static Path runnerScript() {
        return sources().resolve("node").resolve("runner.mjs");
    }

    /** Every function the world exports, interfaces in declaration order. */
    static List<ExportedFunction> functions(String worldName) {
        World world = world(worldName);
        List<ExportedFunction> functions = new ArrayList<>();
        for (World.WorldItem item : world.exports()) {
            if (item instanceof World.WorldItem.InterfaceItem i) {
                for (Function f : i.iface().functions()) {
                    functions.add(
                            new ExportedFunction(
                                    worldName, Optional.of(i.iface().qualifiedName()), f));
                }
            } else {
                functions.add(
                        new ExportedFunction(
                                worldName,
                                Optional.empty(),
                                ((World.WorldItem.FunctionItem) item).function()));
            }
        }
        return functions;
    }

    /**
     * An exported function by interface name ({@code scalars}, or null for the world's own) and
     * function name.
     */
    static ExportedFunction function(String world, String iface, String name) {
        return functions(world).stream()
                .filter(f -> f.function().name().equals(name))
                .filter(
                        f ->
                                iface == null
                                        ? f.iface().isEmpty()
                                        : f.iface()
                                                .filter(q -> q.contains("/" + iface + "@"))
                                                .isPresent())
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "world " + world + " exports no " + iface + "#" + name));
    }

    private static Path built() {
        Path dir = Path.of(property("conformance.guests"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    dir
                            + " does not exist: the guests are built by the Maven build "
                            + "(generate-test-resources runs src/test/scripts/build-guests.sh)");
        }
        return dir;
    }

    private static Path sources() {
        return Path.of(property("conformance.sources"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "system property "
                            + name
                            + " is not set (surefire sets it in tests/conformance/pom.xml)");
        }
        return value;
    }
}
