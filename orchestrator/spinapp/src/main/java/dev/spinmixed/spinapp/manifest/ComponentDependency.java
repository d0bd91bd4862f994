package dev.spinmixed.spinapp.manifest;

import java.util.Optional;

/**
 * What satisfies one dependency of a component, in the five forms Spin's manifest accepts (spin
 * v3.6.3 {@code crates/manifest/src/schema/v2.rs}, {@code ComponentDependency}). {@code export}
 * names the dependency's export to use when it differs from the import's name.
 */
public sealed interface ComponentDependency {

    Optional<String> export();

    /** {@code "ns:pkg/iface" = ">= 0.1.0"}: a version constraint on the default registry. */
    record VersionConstraint(String constraint) implements ComponentDependency {
        @Override
        public Optional<String> export() {
            return Optional.empty();
        }
    }

    /** {@code { version = "...", registry = "...", package = "...", export = "..." }}. */
    record RegistryPackage(
            String version,
            Optional<String> registry,
            Optional<String> pkg,
            Optional<String> export)
            implements ComponentDependency {}

    /** {@code { path = "dep.wasm", export = "..." }}, relative to the manifest's directory. */
    record LocalPath(String path, Optional<String> export) implements ComponentDependency {}

    /** {@code { url = "...", digest = "sha256:...", export = "..." }}. */
    record Url(String url, String digest, Optional<String> export) implements ComponentDependency {}

    /**
     * {@code { component = "pricing", export = "..." }}: another component of the same app (Spin
     * 3.5 and later). Spin replaces it with that component's source when it loads the manifest.
     */
    record AppComponent(String component, Optional<String> export) implements ComponentDependency {}
}
