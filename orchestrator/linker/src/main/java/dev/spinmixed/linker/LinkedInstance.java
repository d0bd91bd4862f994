package dev.spinmixed.linker;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.spinmixed.abi.AbiNames;
import dev.spinmixed.abi.Allocator;
import dev.spinmixed.abi.CabiRealloc;
import dev.spinmixed.abi.Destination;
import dev.spinmixed.abi.FusedAdapter;
import dev.spinmixed.abi.GuestMemory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Chicory instance of a component inside an {@link InstanceSet}, with its contract imports
 * bound. Used by one call at a time; a call that re-enters it (a dependency cycle) is refused, as
 * the component model forbids re-entrance.
 */
final class LinkedInstance implements AutoCloseable {

    private static final String INITIALIZE = "_initialize";
    private static final long[] NO_VALUES = new long[0];

    private final Component component;
    private final WasiImports wasi;
    private final Instance instance;
    private final Memory memory;
    private final Allocator allocator;

    /**
     * By identity: a component's contract functions are made once, and hashing a record of WIT
     * types is not cheap.
     */
    private final Map<ContractFunction, BoundExport> exports = new IdentityHashMap<>();

    private boolean busy;

    LinkedInstance(
            Component component,
            Map<String, ImportTarget> wiring,
            InstanceSet set,
            ExecutionMode mode,
            Optional<MachineCache> machineCache,
            WasiGrant grant,
            int maxMemoryPages) {
        this.component = component;
        this.wasi = new WasiImports(component.name(), grant);
        List<ImportFunction> functions = new ArrayList<>(wasi.functions());
        for (ContractFunction f : component.usedImports()) {
            BoundImport bound = new BoundImport(f, wiring.get(f.displayName()));
            functions.add(
                    new ImportFunction(
                            f.interfaceName(),
                            f.function().name(),
                            f.abi().lowerSignature().functionType(),
                            (caller, args) -> bound.target.serve(f, set, bound.caller(), args)));
        }
        try {
            Instance.Builder builder =
                    Instance.builder(component.module())
                            .withImportValues(
                                    ImportValues.builder().withFunctions(functions).build())
                            .withMachineFactory(component.machineFactory(mode, machineCache))
                            // byte[] pages read through VarHandles: about twice as fast as
                            // Chicory's default ByteBuffer pages
                            // for guests that spend their time in loads and stores (the
                            // orchestrator's JSON).
                            .withMemoryFactory(ByteArrayMemory::new);
            cappedMemory(component.module(), maxMemoryPages).ifPresent(builder::withMemoryLimits);
            this.instance = builder.build();
        } catch (RuntimeException e) {
            wasi.close();
            throw e;
        }
        this.memory =
                component.hasExport(AbiNames.MEMORY)
                        ? instance.exports().memory(AbiNames.MEMORY)
                        : null;
        this.allocator = CabiRealloc.of(instance, "component '" + component.name() + "'");
        if (component.hasExport(INITIALIZE)) {
            instance.export(INITIALIZE).apply();
        }
    }

    /**
     * The module's own memory limits with the maximum lowered to the cap; empty for a module
     * without a memory.
     */
    private static Optional<MemoryLimits> cappedMemory(WasmModule module, int maxMemoryPages) {
        return module.memorySection()
                .filter(m -> m.memoryCount() > 0)
                .map(
                        m -> {
                            MemoryLimits declared = m.getMemory(0).limits();
                            return new MemoryLimits(
                                    declared.initialPages(),
                                    Math.min(declared.maximumPages(), maxMemoryPages),
                                    declared.shared());
                        });
    }

    static int initialMemoryPages(WasmModule module) {
        return module.memorySection()
                .filter(m -> m.memoryCount() > 0)
                .map(m -> m.getMemory(0).limits().initialPages())
                .orElse(0);
    }

    Component component() {
        return component;
    }

    /**
     * A contract import of this instance and what serves it; the caller's side of its calls (this
     * instance's memory and allocator) is made on first use, once the instance exists.
     */
    private final class BoundImport {
        final ContractFunction function;
        final ImportTarget target;
        private Destination caller;

        BoundImport(ContractFunction function, ImportTarget target) {
            this.function = function;
            this.target = target;
        }

        Destination caller() {
            Destination d = caller;
            if (d == null) {
                d =
                        new Destination(
                                new GuestMemory(
                                        memory,
                                        "component '"
                                                + component.name()
                                                + "' import "
                                                + function.displayName()),
                                allocator);
                // A start function may call imports before the instance has its memory.
                if (allocator != null) {
                    caller = d;
                }
            }
            return d;
        }
    }

    /**
     * A WIT export of this instance, looked up once: its core function, its post-return (or null)
     * and its memory view with this instance's allocator.
     */
    private record BoundExport(
            ExportFunction function, ExportFunction postReturn, Destination destination) {
        GuestMemory memory() {
            return destination.memory();
        }
    }

    private BoundExport bind(ContractFunction f) {
        return new BoundExport(
                instance.export(f.exportName()),
                component.hasExport(f.postReturnName())
                        ? instance.export(f.postReturnName())
                        : null,
                new Destination(
                        new GuestMemory(
                                memory,
                                "component '" + component.name() + "' export " + f.displayName()),
                        allocator));
    }

    private void enter(ContractFunction f) {
        if (busy) {
            throw new GuestFault(
                    component.name(),
                    f.displayName(),
                    "re-entered while a call into it is in progress",
                    null);
        }
        busy = true;
    }

    /** Calls a WIT export: lower the arguments into this instance, call, lift, post-return. */
    Object callExport(ContractFunction f, List<Object> args) {
        enter(f);
        try {
            BoundExport export = exports.computeIfAbsent(f, this::bind);
            long[] core = f.abi().lowerArguments(args, f.abi().lowerer(export.memory(), allocator));
            // Chicory answers null for a function without results; post-return then takes none.
            long[] results = export.function().apply(core);
            if (results == null) {
                results = NO_VALUES;
            }
            Object value = f.abi().liftResult(results, f.abi().lifter(export.memory()));
            if (export.postReturn() != null) {
                export.postReturn().apply(results);
            }
            return value;
        } finally {
            busy = false;
        }
    }

    /**
     * Serves a caller's import with this instance's export {@code f} through a fused adapter. The
     * caller's arguments are checked first (a fault there is the caller's, as when lifting them);
     * from copying them in until the result is checked, a fault is this component's; copying the
     * result into the caller is the caller's again; the post-return runs last, once nothing in this
     * memory is needed.
     */
    long[] serveFused(
            ContractFunction f, FusedAdapter adapter, long[] importArgs, Destination caller) {
        adapter.checkArguments(importArgs, caller.memory());
        enter(f);
        try {
            BoundExport export = exports.computeIfAbsent(f, this::bind);
            long[] results;
            try {
                long[] args =
                        adapter.copyArguments(importArgs, caller.memory(), export.destination());
                results = export.function().apply(args);
                if (results == null) {
                    results = NO_VALUES;
                }
                adapter.checkResult(results, export.memory());
            } catch (GuestFault e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new GuestFault(component.name(), f.displayName(), Faults.describe(e), e);
            }
            long[] out = adapter.copyResult(results, importArgs, export.memory(), caller);
            if (export.postReturn() != null) {
                try {
                    export.postReturn().apply(results);
                } catch (GuestFault e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new GuestFault(component.name(), f.displayName(), Faults.describe(e), e);
                }
            }
            return out;
        } finally {
            busy = false;
        }
    }

    @Override
    public void close() {
        wasi.close();
    }
}
