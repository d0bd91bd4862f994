package dev.spinmixed.linker;

import dev.spinmixed.abi.Destination;
import dev.spinmixed.abi.FusedAdapter;
import java.util.List;

/**
 * What serves a contract import inside an instance set: a Java host function, or a dependency's
 * export, reached through Java values or through a fused adapter.
 */
interface ImportTarget {

    /**
     * Serves one call of import {@code f} made with core arguments {@code args} by a guest whose
     * memory and allocator are {@code caller}; returns the core results.
     */
    long[] serve(ContractFunction f, InstanceSet set, Destination caller, long[] args);

    static ImportTarget host(HostFunction function) {
        return (f, set, caller, args) -> {
            List<Object> lifted = f.abi().liftArguments(args, f.abi().lifter(caller.memory()));
            Object result = function.call(lifted);
            return f.abi()
                    .lowerResult(
                            result, args, f.abi().lowerer(caller.memory(), caller.allocator()));
        };
    }

    /** The export lifted into Java values and lowered again ({@link AdapterMode#LIFT_LOWER}). */
    static ImportTarget liftLower(String component, ContractFunction export) {
        return (f, set, caller, args) -> {
            List<Object> lifted = f.abi().liftArguments(args, f.abi().lifter(caller.memory()));
            Object result;
            try {
                result = set.instance(component).callExport(export, lifted);
            } catch (GuestFault e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new GuestFault(component, export.displayName(), Faults.describe(e), e);
            }
            return f.abi()
                    .lowerResult(
                            result, args, f.abi().lowerer(caller.memory(), caller.allocator()));
        };
    }

    /** The export reached memory to memory ({@link AdapterMode#FUSED}). */
    static ImportTarget fused(String component, ContractFunction export, FusedAdapter adapter) {
        return (f, set, caller, args) ->
                set.instance(component).serveFused(export, adapter, args, caller);
    }
}
