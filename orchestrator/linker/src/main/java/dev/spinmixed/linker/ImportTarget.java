package dev.spinmixed.linker;

import java.util.List;

/**
 * What serves a contract import inside an instance set: a Java host function or a dependency's
 * export.
 */
interface ImportTarget {

    Object call(InstanceSet set, List<Object> args);

    static ImportTarget host(HostFunction function) {
        return (set, args) -> function.call(args);
    }

    static ImportTarget dependency(String component, ContractFunction export) {
        return (set, args) -> {
            try {
                return set.instance(component).callExport(export, args);
            } catch (GuestFault e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new GuestFault(component, export.displayName(), Faults.describe(e), e);
            }
        };
    }
}
