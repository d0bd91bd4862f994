package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.HostFunction;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.World;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host under test: the guest's core module loaded by our linker with its world and called
 * through our canonical ABI on Chicory. Arguments go in as the ABI's Java values and results come
 * back as Java values; both cross the JSON form through {@link ValueJson}.
 */
final class ChicoryHost implements AutoCloseable {

    private final Composition composition;

    private ChicoryHost(Composition composition) {
        this.composition = composition;
    }

    /**
     * One instance set, so calls run in order on one instance, as they do on the jco side. A
     * relay's imports are linked to its twin's exports through fused adapters.
     */
    static ChicoryHost start(String world, ExecutionMode mode) throws IOException {
        return start(world, mode, AdapterMode.FUSED);
    }

    /** The same, with the relay's calls crossing as {@code adapters} says. */
    static ChicoryHost start(String world, ExecutionMode mode, AdapterMode adapters)
            throws IOException {
        Composition.Builder builder =
                Composition.builder(load(world)).mode(mode).adapters(adapters).maxInstances(1);
        Optional<String> server = Guests.importsServedBy(world);
        if (server.isPresent()) {
            Component provider = load(server.get());
            for (World.WorldItem item : Guests.world(world).imports()) {
                builder.dependency(
                        ((World.WorldItem.InterfaceItem) item).iface().qualifiedName(), provider);
            }
        }
        return new ChicoryHost(builder.build());
    }

    /** The world's imports of {@code iface} served by Java host functions (by function name). */
    static ChicoryHost startWithHostImports(
            String world, ExecutionMode mode, String iface, Map<String, HostFunction> functions)
            throws IOException {
        Composition.Builder builder = Composition.builder(load(world)).mode(mode).maxInstances(1);
        functions.forEach((name, function) -> builder.host(iface, name, function));
        return new ChicoryHost(builder.build());
    }

    private static Component load(String world) throws IOException {
        return Component.load(world, Guests.coreModule(world), Guests.world(world));
    }

    List<Outcome> run(List<Call> calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Call call : calls) {
            outcomes.add(call(call));
        }
        return outcomes;
    }

    /**
     * A fault or a result of the wrong Java type is this call's outcome, not the end of the run.
     */
    private Outcome call(Call call) {
        Function f = call.target().function();
        try {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < f.params().size(); i++) {
                args.add(ValueJson.decode(f.params().get(i).type(), call.args().get(i)));
            }
            Object result =
                    call.target().iface().isPresent()
                            ? composition.call(call.target().iface().get(), f.name(), args)
                            : composition.call(f.name(), args);
            return Outcome.value(
                    f.result().isPresent()
                            ? ValueJson.encode(f.result().get(), result)
                            : NullNode.getInstance());
        } catch (RuntimeException e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        composition.close();
    }
}
