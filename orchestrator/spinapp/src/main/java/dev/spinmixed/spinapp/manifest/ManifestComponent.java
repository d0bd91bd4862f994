package dev.spinmixed.spinapp.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@code [component.<id>]} table, every field of Spin's schema (spin v3.6.3 {@code
 * crates/manifest/src/schema/v2.rs}, {@code Component}). {@code variables} maps the component's
 * config keys to templates over application variables; {@code dependencies} keeps the manifest's
 * order.
 */
public record ManifestComponent(
        String id,
        ComponentSource source,
        String description,
        Map<String, String> variables,
        Map<String, String> environment,
        List<FilesMount> files,
        List<String> excludeFiles,
        List<String> allowedHttpHosts,
        List<String> allowedOutboundHosts,
        List<String> keyValueStores,
        List<String> sqliteDatabases,
        List<String> aiModels,
        Optional<List<TargetEnvironment>> targets,
        Optional<ComponentBuild> build,
        List<String> tools,
        boolean dependenciesInheritConfiguration,
        Map<DependencyName, ComponentDependency> dependencies) {

    public ManifestComponent {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        files = List.copyOf(files);
        excludeFiles = List.copyOf(excludeFiles);
        allowedHttpHosts = List.copyOf(allowedHttpHosts);
        allowedOutboundHosts = List.copyOf(allowedOutboundHosts);
        keyValueStores = List.copyOf(keyValueStores);
        sqliteDatabases = List.copyOf(sqliteDatabases);
        aiModels = List.copyOf(aiModels);
        targets = targets.map(List::copyOf);
        tools = List.copyOf(tools);
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    /** The dependencies in the order Spin composes them (see {@link DependencyName#ORDER}). */
    public SortedMap<DependencyName, ComponentDependency> dependenciesInSpinOrder() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(dependencies));
    }

    /**
     * The fields Spin refuses on a component used as a dependency, those this one sets (spin v3.6.3
     * {@code crates/manifest/src/normalize.rs}, {@code ensure_is_acceptable_dependency}): a
     * dependency is composed into its dependent, so resources and permissions of its own would be
     * silently ignored.
     */
    public List<String> fieldsADependencyMayNotHave() {
        List<String> set = new java.util.ArrayList<>();
        if (!aiModels.isEmpty()) {
            set.add("ai_models");
        }
        if (!allowedHttpHosts.isEmpty()) {
            set.add("allowed_http_hosts");
        }
        if (!allowedOutboundHosts.isEmpty()) {
            set.add("allowed_outbound_hosts");
        }
        if (!dependencies.isEmpty()) {
            set.add("dependencies");
        }
        if (!environment.isEmpty()) {
            set.add("environment");
        }
        if (!files.isEmpty()) {
            set.add("files");
        }
        if (!keyValueStores.isEmpty()) {
            set.add("key_value_stores");
        }
        if (!sqliteDatabases.isEmpty()) {
            set.add("sqlite_databases");
        }
        if (!variables.isEmpty()) {
            set.add("variables");
        }
        return set;
    }
}
