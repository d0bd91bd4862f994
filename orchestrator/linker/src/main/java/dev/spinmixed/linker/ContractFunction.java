package dev.spinmixed.linker;

import dev.spinmixed.abi.AbiNames;
import dev.spinmixed.abi.FunctionAbi;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One function of a world's contract, with the core names it travels under. {@code iface} is empty
 * for a function declared directly in the world.
 */
public record ContractFunction(Optional<Interface> iface, Function function, FunctionAbi abi) {

    static ContractFunction of(Optional<Interface> iface, Function function) {
        return new ContractFunction(iface, function, new FunctionAbi(function));
    }

    /**
     * The interface part of the name: {@code ns:pkg/iface@ver}, or {@code $root} for world
     * functions.
     */
    public String interfaceName() {
        return iface.map(AbiNames::importModule).orElse(AbiNames.ROOT_MODULE);
    }

    public String exportName() {
        return iface.map(i -> AbiNames.exportName(i, function))
                .orElse(AbiNames.exportName(function));
    }

    public String postReturnName() {
        return AbiNames.postReturnName(exportName());
    }

    /**
     * {@code ns:pkg/iface@ver#func}, or the bare name for a world function: for messages and
     * lookups.
     */
    public String displayName() {
        return interfaceName() + "#" + function.name();
    }

    static List<ContractFunction> all(List<World.WorldItem> items) {
        List<ContractFunction> out = new ArrayList<>();
        for (World.WorldItem item : items) {
            if (item instanceof World.WorldItem.InterfaceItem i) {
                i.iface().functions().forEach(f -> out.add(of(Optional.of(i.iface()), f)));
            } else if (item instanceof World.WorldItem.FunctionItem f) {
                out.add(of(Optional.empty(), f.function()));
            }
        }
        return out;
    }
}
