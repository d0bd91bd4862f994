package dev.spinmixed.linker;

import dev.spinmixed.abi.FusedAdapter;
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
 *
 * <p>A root link serves one import of the root only; a dependency serves that interface for every
 * component of the composition; host functions serve what neither does. A call between two
 * components goes through a {@link FusedAdapter} made here, once per import and export, unless the
 * composition asks for {@link AdapterMode#LIFT_LOWER}.
 */
final class ImportWiring {

    /** The export of {@code provider}, named {@code exportName}, that serves a root import. */
    record RootLink(Component provider, String exportName) {}

    private final List<Component> components;
    private final Map<String, Map<String, ImportTarget>> targets = new LinkedHashMap<>();

    private final AdapterMode adapters;

    ImportWiring(
            Component root,
            Map<String, RootLink> rootLinks,
            Map<String, Component> dependencies,
            Map<String, HostFunction> hosts,
            AdapterMode adapters) {
        this.adapters = adapters;
        List<Component> ordered = new ArrayList<>();
        rootLinks.values().stream().map(RootLink::provider).distinct().forEach(ordered::add);
        dependencies.values().stream()
                .distinct()
                .filter(d -> !ordered.contains(d))
                .forEach(ordered::add);
        ordered.remove(root);
        ordered.add(root);
        this.components = List.copyOf(ordered);
        List<String> problems = new ArrayList<>();
        for (Component c : components) {
            Map<String, ImportTarget> byImport = new LinkedHashMap<>();
            for (ContractFunction f : c.usedImports()) {
                RootLink link = c == root ? rootLinks.get(f.interfaceName()) : null;
                Optional<ImportTarget> target =
                        link != null
                                ? export(c, f, link.provider(), link.exportName(), problems)
                                : resolve(c, f, dependencies, hosts, problems);
                target.ifPresent(t -> byImport.put(f.displayName(), t));
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

    private Optional<ImportTarget> resolve(
            Component c,
            ContractFunction f,
            Map<String, Component> dependencies,
            Map<String, HostFunction> hosts,
            List<String> problems) {
        Component provider = dependencies.get(f.interfaceName());
        if (provider != null && provider != c) {
            return export(c, f, provider, f.interfaceName(), problems);
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

    /**
     * The function of {@code provider}'s export {@code exportName} that serves import {@code f}.
     */
    private Optional<ImportTarget> export(
            Component c,
            ContractFunction f,
            Component provider,
            String exportName,
            List<String> problems) {
        Optional<ContractFunction> export = provider.export(exportName, f.function().name());
        if (export.isEmpty()) {
            problems.add(
                    c
                            + " imports "
                            + f.displayName()
                            + " but dependency "
                            + provider
                            + " does not export "
                            + exportName
                            + "#"
                            + f.function().name());
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
        return Optional.of(
                adapters == AdapterMode.FUSED
                        ? ImportTarget.fused(
                                provider.name(),
                                export.get(),
                                // The import's own names: a caller's fault names its
                                // parameters, as lifting the import's arguments does.
                                new FusedAdapter(f.function()))
                        : ImportTarget.liftLower(provider.name(), export.get()));
    }

    private static boolean sameTypes(Function a, Function b) {
        return a.result().equals(b.result())
                && a.params().stream()
                        .map(Function.Param::type)
                        .toList()
                        .equals(b.params().stream().map(Function.Param::type).toList());
    }
}
