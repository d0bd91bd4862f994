package dev.spinmixed.host.app;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.host.runtime.FailedGuestCall;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.Header;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.linker.MachineCache;
import dev.spinmixed.linker.WasiGrant;
import dev.spinmixed.spinapp.CheckedApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public record Settings(
            ExecutionMode mode,
            int maxInstances,
            GuestLimits limits,
            Optional<MachineCache> machineCache) {

        /** No machine cache: the runtime compiler compiles every module at start. */
        public Settings(ExecutionMode mode, int maxInstances, GuestLimits limits) {
            this(mode, maxInstances, limits, Optional.empty());
        }

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

        /** The same settings with compiled machines kept in {@code cache} between starts. */
        public Settings withMachineCache(MachineCache cache) {
            return new Settings(mode, maxInstances, limits, Optional.of(cache));
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

    /**
     * One composition per triggered component of a checked app: the root linked to the exports of
     * its dependencies exactly as Spin composes them ({@link CheckedApp#links}), everything else it
     * or its dependencies import served by the host, with the root component's permissions (a
     * composed component is one component to Spin's host).
     */
    public static LinkedRuntime create(CheckedApp app, HostFunctions host, Settings settings) {
        Map<String, Composition> compositions = new LinkedHashMap<>();
        try {
            for (String id : app.manifest().triggeredComponents()) {
                compositions.put(id, compose(app, id, host, settings));
            }
        } catch (RuntimeException e) {
            compositions.values().forEach(Composition::close);
            throw e;
        }
        return new LinkedRuntime(compositions);
    }

    private static Composition compose(
            CheckedApp app, String id, HostFunctions host, Settings settings) {
        Composition.Builder b = Composition.builder(app.component(id).module());
        for (CheckedApp.Link link : app.links(id)) {
            b.rootLink(
                    link.rule().importName(), link.provider().module(), link.rule().exportName());
        }
        SpinImports.addTo(b, id, host);
        settings.machineCache().ifPresent(b::machineCache);
        return b.wasi(WasiGrant.none().withClock().withRandom())
                .mode(settings.mode())
                .maxInstances(settings.maxInstances())
                .maxMemoryPages(settings.limits().maxMemoryPages(id))
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
        } catch (GuestFault e) {
            throw new FailedGuestCall(e.getMessage(), e);
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
