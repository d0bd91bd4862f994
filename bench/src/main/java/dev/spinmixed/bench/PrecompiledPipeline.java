package dev.spinmixed.bench;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.spinmixed.bench.precompiled.InventoryModule;
import dev.spinmixed.bench.precompiled.OrchestratorModule;
import dev.spinmixed.bench.precompiled.PricingModule;
import dev.spinmixed.bench.precompiled.ValidationModule;
import dev.spinmixed.contracts.Tuple2;
import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.inventory.Inventory;
import dev.spinmixed.contracts.acme.pricing.Pricing;
import dev.spinmixed.contracts.acme.validation.Validation;
import dev.spinmixed.contracts.fermyon.spin.Config;
import dev.spinmixed.contracts.fermyon.spin.InboundHttp;
import dev.spinmixed.contracts.fermyon.spin.Redis;
import dev.spinmixed.contracts.fermyon.spin.config.Error;
import dev.spinmixed.contracts.fermyon.spin.http_types.Method;
import dev.spinmixed.contracts.fermyon.spin.http_types.Request;
import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.WasiGrant;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orchestrated pipeline on machines compiled at build time (chicory-compiler-maven-plugin,
 * bench/pom.xml, from apps/target/core as it was when the bench module was built), linked directly
 * with the orchestrator linker: the orchestrator and its three dependencies, with config answered
 * from the component variables and the event kept in memory. No manifest and no HTTP server: only
 * what a build-time compiled start saves is compared.
 */
public final class PrecompiledPipeline implements AutoCloseable {

    private static final Map<String, String> VARIABLES =
            Map.of("redis_address", "redis://127.0.0.1:6379", "events_channel", "orders.events");

    private final Composition composition;
    private final InboundHttp http;

    private PrecompiledPipeline(Composition composition) {
        this.composition = composition;
        this.http = InboundHttp.exportedBy(composition);
    }

    /**
     * Loads the app's WIT from {@code appDir} (apps/) and the build-time compiled modules, and
     * links them through fused adapters.
     */
    public static PrecompiledPipeline load(Path appDir) throws IOException {
        return load(appDir, AdapterMode.FUSED);
    }

    /** The same, the orchestrator's calls to its dependencies crossing as {@code adapters} says. */
    public static PrecompiledPipeline load(Path appDir, AdapterMode adapters) throws IOException {
        WitResolve wit = WitLoader.loadDirectory(appDir.resolve("wit"));
        Component orchestrator =
                component(
                        wit,
                        "orchestrator",
                        "orchestrator",
                        OrchestratorModule.class,
                        OrchestratorModule::create);
        Composition.Builder builder =
                Composition.builder(orchestrator)
                        .dependency(
                                Validation.NAME,
                                component(
                                        wit,
                                        "validation",
                                        "validation-component",
                                        ValidationModule.class,
                                        ValidationModule::create))
                        .dependency(
                                Pricing.NAME,
                                component(
                                        wit,
                                        "pricing",
                                        "pricing-component",
                                        PricingModule.class,
                                        PricingModule::create))
                        .dependency(
                                Inventory.NAME,
                                component(
                                        wit,
                                        "inventory",
                                        "inventory-component",
                                        InventoryModule.class,
                                        InventoryModule::create))
                        .wasi(WasiGrant.none().withClock().withRandom())
                        .adapters(adapters)
                        .maxInstances(1);
        Redis.servePublish(builder, (address, channel, payload) -> WitResult.ok(null));
        Config.serveGetConfig(
                builder,
                key -> {
                    String value = VARIABLES.get(key);
                    return value != null
                            ? WitResult.ok(value)
                            : WitResult.err(new Error.Provider("no variable " + key));
                });
        Composition composition = builder.build();
        return new PrecompiledPipeline(composition);
    }

    /**
     * The module as compiled at build time (the plugin's {@code <Class>.meta}, the module without
     * its code), so module and machine always match even when apps/target/core has been rebuilt
     * since.
     */
    private static Component component(
            WitResolve wit,
            String name,
            String world,
            Class<?> compiled,
            Function<Instance, Machine> machine)
            throws IOException {
        String meta = compiled.getSimpleName() + ".meta";
        try (InputStream in = compiled.getResourceAsStream(meta)) {
            if (in == null) {
                throw new IOException(
                        "no "
                                + meta
                                + " next to "
                                + compiled.getName()
                                + ": rebuild the bench module");
            }
            return Component.load(name, in.readAllBytes(), wit.world(world))
                    .withMachineFactory(machine);
        }
    }

    /** POST /orders through handle-request: the answer's status. */
    public int order(byte[] body) {
        Request request =
                new Request(
                        Method.POST,
                        "/orders",
                        List.of(new Tuple2<>("content-type", "application/json")),
                        List.of(),
                        Optional.of(body));
        return http.handleRequest(request).status();
    }

    @Override
    public void close() {
        composition.close();
    }
}
