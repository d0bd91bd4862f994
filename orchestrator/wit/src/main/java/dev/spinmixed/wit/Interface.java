package dev.spinmixed.wit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WIT interface. {@code pkg} is empty for an interface declared inline in a world ({@code import
 * name: interface { ... }}). {@code uses} names, in order, the interfaces whose types it takes with
 * {@code use} (qualified, e.g. {@code acme:orders/types@0.1.0}): a component built for a world
 * imports those too.
 */
public record Interface(
        Optional<PackageName> pkg,
        String name,
        Map<String, WitType> types,
        List<Function> functions,
        List<String> uses) {

    public Interface {
        types = Map.copyOf(types);
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
