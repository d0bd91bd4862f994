package dev.spinmixed.linker;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A root component linked in-process to the components and Java host functions that serve its
 * contract imports, with a bounded pool of instantiated sets. Thread-safe: each {@link #call}
 * leases a set of its own; a call that faults discards its set and throws {@link GuestFault}, and
 * the next call gets a fresh one.
 *
 * <pre>{@code
 * Composition comp = Composition.builder(orders)
 *         .dependency("acme:pricing/pricing@0.1.0", pricing)
 *         .host("fermyon:spin/redis", "publish", args -> Result.ok())
 *         .mode(ExecutionMode.COMPILED)
 *         .maxInstances(4)
 *         .build();
 * Object response = comp.call("fermyon:spin/inbound-http", "handle-request", List.of(request));
 * }</pre>
 */
public final class Composition implements AutoCloseable {

    private final Component root;
    private final InstancePool pool;

    private Composition(Builder b) {
        this.root = b.root;
        ImportWiring wiring =
                new ImportWiring(b.root, b.rootLinks, b.dependencies, b.hosts, b.adapters);
        ExecutionMode mode = b.mode;
        Optional<MachineCache> machineCache = b.machineCache;
        WasiGrant grant = b.wasi;
        int maxMemoryPages = b.maxMemoryPages;
        wiring.components().forEach(c -> requireInitialMemoryWithin(c, maxMemoryPages));
        this.pool =
                new InstancePool(
                        () -> new InstanceSet(wiring, mode, machineCache, grant, maxMemoryPages),
                        b.maxInstances,
                        b.leaseTimeoutMillis);
    }

    /**
     * A cap below what a module needs to start would fail every call: refuse it when the
     * composition is built.
     */
    private static void requireInitialMemoryWithin(Component c, int maxMemoryPages) {
        int initial = LinkedInstance.initialMemoryPages(c.module());
        if (initial > maxMemoryPages) {
            throw new IllegalArgumentException(
                    c
                            + " declares "
                            + initial
                            + " initial memory pages, more than the cap of "
                            + maxMemoryPages
                            + " pages ("
                            + (long) maxMemoryPages * 65536
                            + " bytes)");
        }
    }

    public static Builder builder(Component root) {
        return new Builder(root);
    }

    public Component root() {
        return root;
    }

    /**
     * Calls the root's export {@code function} of interface {@code interfaceName} ({@code
     * ns:pkg/iface@ver}) with arguments in the {@link dev.spinmixed.abi.ValueModel}; returns the
     * result, or null for a function without one.
     */
    public Object call(String interfaceName, String function, List<Object> args) {
        ContractFunction f =
                root.export(interfaceName, function)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                root
                                                        + " exports no function "
                                                        + interfaceName
                                                        + "#"
                                                        + function));
        InstanceSet set = pool.lease();
        boolean clean = false;
        try {
            Object result = set.instance(root.name()).callExport(f, args);
            clean = true;
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            GuestFault nested = Faults.attributed(e);
            throw nested != null
                    ? nested
                    : new GuestFault(root.name(), f.displayName(), Faults.describe(e), e);
        } finally {
            if (clean) {
                pool.giveBack(set);
            } else {
                pool.discard(set);
            }
        }
    }

    /** Calls a function the root's world exports directly (not through an interface). */
    public Object call(String function, List<Object> args) {
        return call(dev.spinmixed.abi.AbiNames.ROOT_MODULE, function, args);
    }

    /** Instance sets alive now, leased or idle: for leak tests and metrics. */
    public int liveInstanceSets() {
        return pool.live();
    }

    /** Instance sets waiting in the pool. */
    public int idleInstanceSets() {
        return pool.idle();
    }

    @Override
    public void close() {
        pool.close();
    }

    public static final class Builder {

        private final Component root;
        private final Map<String, ImportWiring.RootLink> rootLinks = new LinkedHashMap<>();
        private final Map<String, Component> dependencies = new LinkedHashMap<>();
        private final Map<String, HostFunction> hosts = new LinkedHashMap<>();
        private WasiGrant wasi = WasiGrant.none();
        private ExecutionMode mode = ExecutionMode.INTERPRETER;
        private AdapterMode adapters = AdapterMode.FUSED;
        private Optional<MachineCache> machineCache = Optional.empty();
        private int maxInstances = Math.max(1, Runtime.getRuntime().availableProcessors());
        private long leaseTimeoutMillis = 30_000;
        private int maxMemoryPages = MemoryLimits.MAX_PAGES;

        private Builder(Component root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Serves every import of {@code interfaceName} ({@code ns:pkg/iface@ver}) with {@code
         * provider}'s exports.
         */
        public Builder dependency(String interfaceName, Component provider) {
            dependencies.put(interfaceName, Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Serves the root's import {@code importName} with {@code provider}'s export {@code
         * exportName}, and nothing else: as Spin composes a dependency, the provider's own imports
         * go to the host functions, not to other providers.
         */
        public Builder rootLink(String importName, Component provider, String exportName) {
            rootLinks.put(
                    importName,
                    new ImportWiring.RootLink(
                            Objects.requireNonNull(provider, "provider"),
                            Objects.requireNonNull(exportName, "exportName")));
            return this;
        }

        /**
         * Serves the import {@code interfaceName#function} with Java code ({@code $root} for a
         * world function).
         */
        public Builder host(String interfaceName, String function, HostFunction implementation) {
            hosts.put(
                    interfaceName + "#" + function,
                    Objects.requireNonNull(implementation, "implementation"));
            return this;
        }

        public Builder wasi(WasiGrant grant) {
            this.wasi = Objects.requireNonNull(grant, "grant");
            return this;
        }

        public Builder mode(ExecutionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How calls between the composition's components cross: {@link AdapterMode#FUSED} (the
         * default) or through Java values ({@link AdapterMode#LIFT_LOWER}, the reference).
         */
        public Builder adapters(AdapterMode adapters) {
            this.adapters = Objects.requireNonNull(adapters, "adapters");
            return this;
        }

        /**
         * Where the runtime compiler's machines are kept between starts ({@link
         * ExecutionMode#COMPILED}): a module whose digest the cache holds is loaded, not compiled.
         */
        public Builder machineCache(MachineCache cache) {
            this.machineCache = Optional.of(cache);
            return this;
        }

        /** Upper bound on live instance sets, i.e. on concurrent calls; more callers wait. */
        public Builder maxInstances(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInstances must be at least 1, got " + max);
            }
            this.maxInstances = max;
            return this;
        }

        /**
         * The largest linear memory of every instance in the composition, in 64 KiB pages (default:
         * the wasm maximum, 65536). A guest's {@code memory.grow} beyond it fails (returns -1), as
         * for a module that declares that maximum itself.
         */
        public Builder maxMemoryPages(int pages) {
            if (pages < 1 || pages > MemoryLimits.MAX_PAGES) {
                throw new IllegalArgumentException(
                        "maxMemoryPages must be from 1 to "
                                + MemoryLimits.MAX_PAGES
                                + ", got "
                                + pages);
            }
            this.maxMemoryPages = pages;
            return this;
        }

        /** How long a call waits for a free instance set before failing. */
        public Builder leaseTimeoutMillis(long millis) {
            this.leaseTimeoutMillis = millis;
            return this;
        }

        /** Resolves every import; throws {@link LinkException} listing those nothing provides. */
        public Composition build() {
            return new Composition(this);
        }
    }
}
