package dev.spinmixed.wit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The imports and exports of a component built for a world, by name, as the component model sees
 * them: the world elaborated the way wit-parser does it ({@code Resolve::elaborate_world}, which
 * wit-component and jco use). An interface the world's items take types from is imported too, ahead
 * of the item that needs it, unless the world exports it: the orchestrator world, which imports
 * {@code acme:validation/validation}, also imports {@code acme:orders/types}, whose records that
 * interface uses.
 */
public record ComponentType(Map<String, Item> imports, Map<String, Item> exports) {

    public ComponentType {
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** One import or export: an instance of an interface, or a bare function. */
    public sealed interface Item {
        record InstanceItem(Interface iface) implements Item {}

        record FunctionItem(Function function) implements Item {}
    }

    public static ComponentType of(World world, WitResolve wit) {
        Map<String, Item> imports = new LinkedHashMap<>();
        Map<String, Item> exports = new LinkedHashMap<>();
        List<Interface> exported = new ArrayList<>();
        for (World.WorldItem item : world.exports()) {
            if (item instanceof World.WorldItem.InterfaceItem i) {
                exported.add(i.iface());
            }
        }
        for (String used : world.uses()) {
            importWithDependencies(wit.iface(used), wit, imports);
        }
        for (World.WorldItem item : world.imports()) {
            if (item instanceof World.WorldItem.InterfaceItem i) {
                importWithDependencies(i.iface(), wit, imports);
            } else {
                Function f = ((World.WorldItem.FunctionItem) item).function();
                imports.put(f.name(), new Item.FunctionItem(f));
            }
        }
        List<String> exportedNames = exported.stream().map(Interface::qualifiedName).toList();
        for (World.WorldItem item : world.exports()) {
            if (item instanceof World.WorldItem.InterfaceItem i) {
                for (String used : i.iface().uses()) {
                    if (!exportedNames.contains(used)) {
                        importWithDependencies(wit.iface(used), wit, imports);
                    }
                }
                exports.put(i.iface().qualifiedName(), new Item.InstanceItem(i.iface()));
            } else {
                Function f = ((World.WorldItem.FunctionItem) item).function();
                exports.put(f.name(), new Item.FunctionItem(f));
            }
        }
        return new ComponentType(imports, exports);
    }

    /** Adds {@code iface} after the interfaces it takes types from, each once. */
    private static void importWithDependencies(
            Interface iface, WitResolve wit, Map<String, Item> imports) {
        String name = iface.qualifiedName();
        if (imports.containsKey(name)) {
            return;
        }
        for (String used : iface.uses()) {
            importWithDependencies(wit.iface(used), wit, imports);
        }
        imports.put(name, new Item.InstanceItem(iface));
    }
}
