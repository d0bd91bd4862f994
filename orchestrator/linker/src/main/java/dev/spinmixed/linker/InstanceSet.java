package dev.spinmixed.linker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of every component of a composition, wired together. A set serves one call at a time
 * and is thrown away as a whole after a fault, since any of its memories may be corrupt.
 */
final class InstanceSet implements AutoCloseable {

    private final Map<String, LinkedInstance> instances = new LinkedHashMap<>();

    InstanceSet(
            ImportWiring wiring,
            ExecutionMode mode,
            Optional<MachineCache> machineCache,
            WasiGrant grant,
            int maxMemoryPages) {
        try {
            for (Component c : wiring.components()) {
                try {
                    instances.put(
                            c.name(),
                            new LinkedInstance(
                                    c,
                                    wiring.targets(c.name()),
                                    this,
                                    mode,
                                    machineCache,
                                    grant,
                                    maxMemoryPages));
                } catch (RuntimeException | StackOverflowError e) {
                    throw new GuestFault(c.name(), "(instantiation)", Faults.describe(e), e);
                }
            }
        } catch (GuestFault e) {
            close();
            throw e;
        }
    }

    LinkedInstance instance(String component) {
        return instances.get(component);
    }

    @Override
    public void close() {
        instances.values().forEach(LinkedInstance::close);
    }
}
