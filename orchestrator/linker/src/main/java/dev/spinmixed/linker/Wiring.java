package dev.spinmixed.linker;

import dev.spinmixed.wit.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which target serves each contract import of each component in a composition, resolved and checked
 * once when the composition is built. Components are listed dependencies first, so a start function
 * that calls an import finds its target instantiated.
 */
final class Wiring {

    private final List<Component> components;
    private final Map<String, Map<String, ImportTarget>> targets = new LinkedHashMap<>();

    Wiring(Component root, Map<String, Component> dependencies, Map<String, HostFunction> hosts) {
        List<Component> ordered = new ArrayList<>();
        dependencies.values().stream().distinct().forEach(ordered::add);
        ordered.remove(root);
        ordered.add(root);
        this.components = List.copyOf(ordered);
        List<String> problems = new ArrayList<>();
        for (Component c : components) {
            Map<String, ImportTarget> byImport = new LinkedHashMap<>();
            for (ContractFunction f : c.usedImports()) {
                resolve(c, f, dependencies, hosts, problems)
                        .ifPresent(t -> byImport.put(f.displayName(), t));
            }
            targets.put(c.name(), byImport);
        }
        if (!problems.isEmpty()) {
            throw new LinkException(problems);
        }
    }

    List<Component> components() {
        return components;
    }

    Map<String, ImportTarget> targets(String component) {
        return targets.get(component);
    }

    private static Optional<ImportTarget> resolve(
            Component c,
            ContractFunction f,
            Map<String, Component> dependencies,
            Map<String, HostFunction> hosts,
            List<String> problems) {
        Component provider = dependencies.get(f.interfaceName());
        if (provider != null && provider != c) {
            Optional<ContractFunction> export =
                    provider.export(f.interfaceName(), f.function().name());
            if (export.isEmpty()) {
                problems.add(
                        c
                                + " imports "
                                + f.displayName()
                                + " but dependency "
                                + provider
                                + " does not export it");
                return Optional.empty();
            }
            if (!sameTypes(f.function(), export.get().function())) {
                problems.add(
                        c
                                + " imports "
                                + f.displayName()
                                + " with a different type than dependency "
                                + provider
                                + " exports it");
                return Optional.empty();
            }
            return Optional.of(ImportTarget.dependency(provider.name(), export.get()));
        }
        HostFunction host = hosts.get(f.displayName());
        if (host != null) {
            return Optional.of(ImportTarget.host(host));
        }
        problems.add(
                c
                        + " imports "
                        + f.displayName()
                        + " but no dependency or host function provides it");
        return Optional.empty();
    }

    private static boolean sameTypes(Function a, Function b) {
        return a.result().equals(b.result())
                && a.params().stream()
                        .map(Function.Param::type)
                        .toList()
                        .equals(b.params().stream().map(Function.Param::type).toList());
    }
}
