package dev.spinmixed.host.app;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.host.manifest.ComponentConfig;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.manifest.ManifestException;
import dev.spinmixed.host.runtime.GuestFault;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.Header;
import dev.spinmixed.host.runtime.HostFunctions;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.WasiGrant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The app's components on Chicory through the orchestrator linker: one {@link Composition} per
 * triggered component, its dependencies linked in-process and the Spin imports served by the host.
 * Guests get a clock and randomness, as under Spin.
 */
public final class LinkedRuntime implements GuestRuntime {

    static final String INBOUND_HTTP = "fermyon:spin/inbound-http";
    static final String INBOUND_REDIS = "fermyon:spin/inbound-redis";

    /**
     * How compositions run: Chicory's interpreter or its runtime compiler, instances per component,
     * and each component's limits (only the memory cap applies here; the HTTP trigger keeps the
     * deadline).
     */
    public record Settings(ExecutionMode mode, int maxInstances, GuestLimits limits) {

        /**
         * Default limits: {@link #DEFAULT_DEADLINE} and {@link #DEFAULT_MAX_MEMORY_BYTES} for every
         * component.
         */
        public Settings(ExecutionMode mode, int maxInstances) {
            this(
                    mode,
                    maxInstances,
                    GuestLimits.uniform(DEFAULT_DEADLINE, DEFAULT_MAX_MEMORY_BYTES));
        }
    }

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /**
     * 128 MiB per instance: far above what the app's guests use, far below what would endanger the
     * JVM's heap.
     */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 128L * 1024 * 1024;

    private final Map<String, Composition> compositions;

    private LinkedRuntime(Map<String, Composition> compositions) {
        this.compositions = compositions;
    }

    public static LinkedRuntime create(
            Manifest manifest, GuestModules guests, HostFunctions host, Settings settings) {
        Map<String, Composition> compositions = new LinkedHashMap<>();
        try {
            for (String id : triggered(manifest)) {
                compositions.put(id, compose(manifest.component(id), guests, host, settings));
            }
            manifest.httpTriggers()
                    .forEach(
                            t ->
                                    requireExport(
                                            guests,
                                            t.component(),
                                            INBOUND_HTTP,
                                            "handle-request",
                                            "an HTTP trigger"));
            manifest.redisTriggers()
                    .forEach(
                            t ->
                                    requireExport(
                                            guests,
                                            t.component(),
                                            INBOUND_REDIS,
                                            "handle-message",
                                            "a Redis trigger"));
        } catch (RuntimeException e) {
            compositions.values().forEach(Composition::close);
            throw e;
        }
        return new LinkedRuntime(compositions);
    }

    /** The components a trigger names, in manifest order: each gets a composition. */
    public static Set<String> triggered(Manifest manifest) {
        Set<String> ids = new LinkedHashSet<>();
        manifest.httpTriggers().forEach(t -> ids.add(t.component()));
        manifest.redisTriggers().forEach(t -> ids.add(t.component()));
        return ids;
    }

    private static void requireExport(
            GuestModules guests,
            String componentId,
            String iface,
            String function,
            String trigger) {
        GuestModules.Guest guest = guests.forComponent(componentId);
        if (guest.component().export(iface, function).isEmpty()) {
            throw new ManifestException(
                    "component '"
                            + componentId
                            + "' is bound to "
                            + trigger
                            + " but its world "
                            + guest.world()
                            + " does not export "
                            + iface
                            + "#"
                            + function);
        }
    }

    static Composition compose(
            ComponentConfig c, GuestModules guests, HostFunctions host, Settings settings) {
        Composition.Builder b = Composition.builder(guests.forComponent(c.id()).component());
        c.dependencies()
                .forEach(
                        (name, dependency) -> {
                            if (!name.contains("/")) {
                                throw new ManifestException(
                                        "component '"
                                                + c.id()
                                                + "': dependency \""
                                                + name
                                                + "\" names a whole package; name each interface"
                                                + " (e.g. \""
                                                + name.replace("@", "/iface@")
                                                + "\")");
                            }
                            b.dependency(
                                    name,
                                    guests.forDependency(c.id(), name, dependency).component());
                        });
        SpinImports.addTo(b, c.id(), host);
        return b.wasi(WasiGrant.none().withClock().withRandom())
                .mode(settings.mode())
                .maxInstances(settings.maxInstances())
                .maxMemoryPages(settings.limits().maxMemoryPages(c.id()))
                .build();
    }

    @Override
    public GuestResponse handleRequest(String componentId, GuestRequest request) {
        List<Object> headers = new ArrayList<>();
        request.headers().forEach(h -> headers.add(List.of(h.name(), h.value())));
        Record req =
                Record.of(
                        "method",
                        request.method().witName(),
                        "uri",
                        request.uri(),
                        "headers",
                        headers,
                        "params",
                        List.of(),
                        "body",
                        Optional.of(request.body()));
        Record res = (Record) call(componentId, INBOUND_HTTP, "handle-request", req);
        return new GuestResponse(
                (Integer) res.get("status"),
                ((Optional<?>) res.get("headers")).map(LinkedRuntime::headers),
                ((Optional<?>) res.get("body")).map(b -> (byte[]) b));
    }

    @Override
    public boolean handleMessage(String componentId, byte[] message) {
        return ((Result) call(componentId, INBOUND_REDIS, "handle-message", message)).isOk();
    }

    private Object call(String componentId, String iface, String function, Object argument) {
        Composition c = compositions.get(componentId);
        if (c == null) {
            throw new IllegalArgumentException(
                    "no composition for component '" + componentId + "'");
        }
        try {
            return c.call(iface, function, List.of(argument));
        } catch (dev.spinmixed.linker.GuestFault e) {
            throw new GuestFault(e.getMessage(), e);
        }
    }

    /** Live instance sets per triggered component (leased or idle): for leak checks. */
    public Map<String, Integer> liveInstanceSets() {
        Map<String, Integer> live = new LinkedHashMap<>();
        compositions.forEach((id, c) -> live.put(id, c.liveInstanceSets()));
        return live;
    }

    /** Idle (pooled, not leased) instance sets per triggered component. */
    public Map<String, Integer> idleInstanceSets() {
        Map<String, Integer> idle = new LinkedHashMap<>();
        compositions.forEach((id, c) -> idle.put(id, c.idleInstanceSets()));
        return idle;
    }

    private static List<Header> headers(Object tuples) {
        return ((List<?>) tuples)
                .stream()
                        .map(t -> (List<?>) t)
                        .map(t -> new Header((String) t.get(0), (String) t.get(1)))
                        .toList();
    }

    @Override
    public void close() {
        compositions.values().forEach(Composition::close);
    }
}
