package dev.spinmixed.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.spinmixed.apps.GuestTable;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.ValidationException;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitException;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import dev.spinmixed.wit.World.WorldItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Refuses to deploy an app whose wasm breaks its WIT contracts. For every component of the OCI
 * context's spin.toml: its core module (the one the apps build componentized) must satisfy the
 * world the guest table assigns it (orchestrator linker), every Spin 3 dependency must name an
 * interface the dependency component exports with the functions the dependent imports, and each
 * trigger's component must export the Spin handler of that trigger. Runs before any resource is
 * declared.
 */
public final class ContractGate {
    static final String INBOUND_HTTP = "fermyon:spin/inbound-http";
    static final String INBOUND_REDIS = "fermyon:spin/inbound-redis";

    /**
     * Where the contracts and the modules are.
     *
     * @param witDir the app's WIT package (apps/wit, with deps/)
     * @param guestTable guest name -> world (apps/build/guests.tsv)
     * @param coreModules the core module of each guest, {@code <name>.wasm} (apps/target/core)
     * @param spinToml the manifest that goes into the image (the OCI context's spin.toml)
     */
    public record Inputs(Path witDir, Path guestTable, Path coreModules, Path spinToml) {

        /** The apps build's layout under the repository root, for the given OCI build context. */
        public static Inputs of(Path projectRoot, Path appBuildContext) {
            return new Inputs(
                    projectRoot.resolve("apps/wit"),
                    projectRoot.resolve("apps/build/guests.tsv"),
                    projectRoot.resolve("apps/target/core"),
                    appBuildContext.resolve("spin.toml"));
        }
    }

    private ContractGate() {}

    /** Throws {@link ContractViolationException} listing every broken contract. */
    public static void check(Inputs inputs) {
        WitResolve wit;
        try {
            wit = WitLoader.loadDirectory(inputs.witDir());
        } catch (WitException e) {
            throw new ContractViolationException(
                    inputs.spinToml(),
                    List.of(
                            "the WIT contracts in "
                                    + inputs.witDir()
                                    + " do not parse: "
                                    + e.getMessage()));
        }
        Map<String, String> worldOfGuest = readGuestTable(inputs.guestTable());
        JsonNode manifest = readToml(inputs.spinToml());

        List<String> problems = new ArrayList<>();
        Map<String, World> worlds = new LinkedHashMap<>();
        for (Iterator<String> ids = manifest.path("component").fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            String worldName = worldOfGuest.get(id);
            if (worldName == null) {
                problems.add(
                        "component `" + id + "`: " + inputs.guestTable() + " assigns it no world");
                continue;
            }
            World world;
            try {
                world = wit.world(worldName);
            } catch (WitException e) {
                problems.add("component `" + id + "`: " + e.getMessage());
                continue;
            }
            worlds.put(id, world);
            problems.addAll(checkModule(id, world, inputs.coreModules().resolve(id + ".wasm")));
        }
        for (Map.Entry<String, World> entry : worlds.entrySet()) {
            problems.addAll(
                    checkDependencies(
                            entry.getKey(),
                            entry.getValue(),
                            manifest.path("component").path(entry.getKey()).path("dependencies"),
                            worlds));
        }
        problems.addAll(checkTriggers(manifest.path("trigger"), worlds));
        if (!problems.isEmpty()) {
            throw new ContractViolationException(inputs.spinToml(), problems);
        }
    }

    private static List<String> checkModule(String id, World world, Path coreModule) {
        if (!Files.isRegularFile(coreModule)) {
            return List.of(
                    "component `"
                            + id
                            + "`: no core module at "
                            + coreModule
                            + " (build the app first: ./mvnw -B -pl apps -am package)");
        }
        try {
            Component.load(id, coreModule, world);
            return List.of();
        } catch (ValidationException e) {
            return e.report().problems().stream()
                    .map(
                            problem ->
                                    "component `"
                                            + id
                                            + "` (world "
                                            + world.name()
                                            + "): "
                                            + problem)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + coreModule, e);
        }
    }

    private static List<String> checkDependencies(
            String id, World world, JsonNode dependencies, Map<String, World> worlds) {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> dependency = it.next();
            String interfaceName = dependency.getKey();
            String target = dependency.getValue().path("component").asText("");
            String prefix = "component `" + id + "` dependency \"" + interfaceName + "\"";
            if (target.isEmpty()) {
                problems.add(
                        prefix
                                + ": names no component (only `component = \"<id>\"` wiring is"
                                + " checked and used here)");
                continue;
            }
            Optional<Interface> imported = find(world.imports(), interfaceName);
            if (imported.isEmpty()) {
                problems.add(
                        prefix
                                + ": world "
                                + world.name()
                                + " does not import "
                                + interfaceName
                                + " (imports: "
                                + names(world.imports())
                                + ")");
                continue;
            }
            World targetWorld = worlds.get(target);
            if (targetWorld == null) {
                problems.add(
                        prefix
                                + ": component `"
                                + target
                                + "` is not a checked component of this app");
                continue;
            }
            Optional<Interface> exported = find(targetWorld.exports(), interfaceName);
            if (exported.isEmpty()) {
                problems.add(
                        prefix
                                + ": component `"
                                + target
                                + "` (world "
                                + targetWorld.name()
                                + ") does not export "
                                + interfaceName
                                + " (exports: "
                                + names(targetWorld.exports())
                                + ")");
                continue;
            }
            for (Function function : imported.get().functions()) {
                Optional<Function> provided = exported.get().function(function.name());
                if (provided.isEmpty()) {
                    problems.add(
                            prefix
                                    + ": function `"
                                    + function.name()
                                    + "` is imported but component `"
                                    + target
                                    + "` does not export it");
                } else if (!provided.get().equals(function)) {
                    problems.add(
                            prefix
                                    + ": function `"
                                    + function.name()
                                    + "` has a different signature in component `"
                                    + target
                                    + "`");
                }
            }
        }
        return problems;
    }

    private static List<String> checkTriggers(JsonNode triggers, Map<String, World> worlds) {
        List<String> problems = new ArrayList<>();
        Map<String, String> handlers = Map.of("http", INBOUND_HTTP, "redis", INBOUND_REDIS);
        handlers.forEach(
                (kind, handler) -> {
                    for (JsonNode trigger : triggers.path(kind)) {
                        String id = trigger.path("component").asText("");
                        World world = worlds.get(id);
                        if (world == null) {
                            problems.add(
                                    "[[trigger."
                                            + kind
                                            + "]] names component `"
                                            + id
                                            + "`, which is not a checked component");
                        } else if (find(world.exports(), handler).isEmpty()) {
                            problems.add(
                                    "component `"
                                            + id
                                            + "` (world "
                                            + world.name()
                                            + ") is a "
                                            + kind
                                            + " trigger's component"
                                            + " but does not export "
                                            + handler
                                            + " (exports: "
                                            + names(world.exports())
                                            + ")");
                        }
                    }
                });
        return problems;
    }

    private static Optional<Interface> find(List<WorldItem> items, String qualifiedName) {
        return items.stream()
                .filter(item -> item instanceof WorldItem.InterfaceItem)
                .map(item -> ((WorldItem.InterfaceItem) item).iface())
                .filter(iface -> iface.qualifiedName().equals(qualifiedName))
                .findFirst();
    }

    private static String names(List<WorldItem> items) {
        TreeSet<String> names = new TreeSet<>();
        for (WorldItem item : items) {
            names.add(
                    item instanceof WorldItem.InterfaceItem i
                            ? i.iface().qualifiedName()
                            : ((WorldItem.FunctionItem) item).function().name());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Each guest's world, from the app build's guest table. */
    static Map<String, String> readGuestTable(Path table) {
        try {
            Map<String, String> worlds = new LinkedHashMap<>();
            GuestTable.read(table).forEach(g -> worlds.put(g.name(), g.world()));
            return worlds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guest table " + table, e);
        }
    }

    private static JsonNode readToml(Path spinToml) {
        try {
            return new TomlMapper().readTree(spinToml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the app manifest " + spinToml + ": " + e.getMessage(), e);
        }
    }
}
