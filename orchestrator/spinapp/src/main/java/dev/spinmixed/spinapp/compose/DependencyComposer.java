package dev.spinmixed.spinapp.compose;

import dev.spinmixed.spinapp.manifest.ComponentDependency;
import dev.spinmixed.spinapp.manifest.DependencyName;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.wit.ComponentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Spin's rules for composing a component with its dependencies, in Spin's order and with Spin's
 * messages (spin v3.6.3 {@code crates/compose/src/lib.rs}, {@code Composer}; wac-graph v0.8.1 for
 * the graph's rules):
 *
 * <ol>
 *   <li>each dependency, in dependency-name order, must match at least one import ({@code
 *       UnmatchedDependencyName});
 *   <li>it is registered in the composition graph under its package name (without interface or
 *       version) or plain name, and the graph refuses a second registration of one name, so a
 *       component can take at most one dependency per WIT package;
 *   <li>no import may be matched by two dependencies ({@code DependencyConflicts});
 *   <li>for each matched import, in import-name order, the dependency must export the import's
 *       name, or the name its {@code export} gives ({@code MissingExport}), with a type that is a
 *       subtype of the import's.
 * </ol>
 *
 * The result says, per import, which dependency serves it and with which export.
 */
public final class DependencyComposer {

    /** A dependency's component as the composer sees it: a display name and its type. */
    public record Dependency(String description, ComponentType type) {}

    private DependencyComposer() {}

    /**
     * @param dependencies the component type behind each dependency of {@code component}
     * @throws CompositionException with Spin's message when Spin would refuse the composition
     */
    public static List<DependencyLink> compose(
            ManifestComponent component,
            ComponentType type,
            Map<DependencyName, Dependency> dependencies) {
        if (component.dependencies().isEmpty()) {
            return List.of();
        }
        String id = component.id();
        Set<String> registered = new LinkedHashSet<>();
        registered.add(id);
        Map<String, DependencyName> registeredBy = new HashMap<>();
        SortedMap<String, List<DependencyName>> mappings = new TreeMap<>();
        for (Map.Entry<DependencyName, ComponentDependency> e :
                component.dependenciesInSpinOrder().entrySet()) {
            DependencyName name = e.getKey();
            List<String> matched = new ArrayList<>();
            for (String importName : type.imports().keySet()) {
                try {
                    if (name.matchesImport(importName)) {
                        matched.add(importName);
                    }
                } catch (IllegalArgumentException invalid) {
                    throw refused(id, preparing(invalid.getMessage()));
                }
            }
            if (matched.isEmpty()) {
                throw refused(
                        id,
                        "dependency '"
                                + name
                                + "' doesn't match any imports of component '"
                                + id
                                + "' (imports: "
                                + String.join(", ", type.imports().keySet())
                                + ")");
            }
            String key = name.registrationKey();
            if (!registered.add(key)) {
                DependencyName first = registeredBy.get(key);
                throw refused(
                        id,
                        preparing("package `" + key + "` has already been registered in the graph")
                                + " (dependencies '"
                                + (first != null ? first : id)
                                + "' and '"
                                + name
                                + "' both register as `"
                                + key
                                + "`: Spin composes at most one dependency per WIT package;"
                                + " put each interface that another component provides in a"
                                + " package of its own)");
            }
            registeredBy.put(key, name);
            for (String importName : matched) {
                mappings.computeIfAbsent(importName, k -> new ArrayList<>()).add(name);
            }
        }
        List<String> conflicts = new ArrayList<>();
        mappings.forEach(
                (importName, names) -> {
                    if (names.size() > 1) {
                        conflicts.add(
                                "import '"
                                        + importName
                                        + "' satisfied by dependencies: '"
                                        + names.stream()
                                                .map(DependencyName::toString)
                                                .collect(Collectors.joining(", "))
                                        + "'");
                    }
                });
        if (!conflicts.isEmpty()) {
            throw refused(
                    id,
                    "component '"
                            + id
                            + "' has dependency conflicts: "
                            + String.join("; ", conflicts));
        }
        List<DependencyLink> links = new ArrayList<>();
        for (Map.Entry<String, List<DependencyName>> e : mappings.entrySet()) {
            String importName = e.getKey();
            DependencyName name = e.getValue().get(0);
            Dependency dependency = dependencies.get(name);
            String exportName = component.dependencies().get(name).export().orElse(importName);
            ComponentType.Item exported = dependency.type().exports().get(exportName);
            if (exported == null) {
                throw refused(
                        id,
                        "dependency '"
                                + name
                                + "' doesn't export '"
                                + exportName
                                + "' to satisfy import '"
                                + importName
                                + "' ("
                                + dependency.description()
                                + " exports: "
                                + String.join(", ", dependency.type().exports().keySet())
                                + ")");
            }
            List<String> problems = SubtypeCheck.problems(exported, type.imports().get(importName));
            if (!problems.isEmpty()) {
                throw refused(
                        id,
                        preparing(
                                "dependency '"
                                        + name
                                        + "' exports '"
                                        + exportName
                                        + "' which is not compatible with import '"
                                        + importName
                                        + "': "
                                        + String.join(": ", problems)));
            }
            boolean inherits = component.dependenciesInheritConfiguration();
            links.add(
                    new DependencyLink(
                            importName,
                            name,
                            dependency.description(),
                            exportName,
                            inherits,
                            inherits
                                    ? List.of()
                                    : DenyAllAdapter.plugged(
                                            dependency.type().imports().keySet())));
        }
        return links;
    }

    private static String preparing(String cause) {
        return "an error occurred when preparing dependencies: " + cause;
    }

    /**
     * Spin's context for every composition error (spin v3.6.3 {@code
     * crates/trigger/src/loader.rs}).
     */
    private static CompositionException refused(String component, String cause) {
        return new CompositionException(
                "failed to resolve dependencies for component \"" + component + "\": " + cause);
    }
}
