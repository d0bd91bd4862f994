package dev.spinmixed.wit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WIT interface. {@code pkg} is empty for an interface declared inline in a world ({@code import
 * name: interface { ... }}). {@code types} holds every type name the interface can use, those
 * brought in by {@code use} included; {@code definedTypes} names, in source order, the ones it
 * defines itself (a generator emits a named type where it is defined). {@code uses} names, in
 * order, the interfaces whose types it takes with {@code use} (qualified, e.g. {@code
 * acme:orders/types@0.1.0}): a component built for a world imports those too.
 */
public record Interface(
        Optional<PackageName> pkg,
        String name,
        Map<String, WitType> types,
        List<Function> functions,
        List<String> uses,
        List<String> definedTypes) {

    public Interface {
        types = Map.copyOf(types);
        definedTypes = List.copyOf(definedTypes);
        functions = List.copyOf(functions);
        uses = List.copyOf(uses);
    }

    /** {@code ns:pkg/iface[@ver]}: the core import module name and the export name prefix. */
    public String qualifiedName() {
        return pkg.map(p -> p.qualify(name)).orElse(name);
    }

    public Optional<Function> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }
}
