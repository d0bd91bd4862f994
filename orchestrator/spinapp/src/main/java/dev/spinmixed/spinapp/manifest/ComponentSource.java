package dev.spinmixed.spinapp.manifest;

import java.util.Optional;

/** Where a component's wasm comes from ({@code source = ...}), in Spin's three forms. */
public sealed interface ComponentSource {

    /** {@code source = "path/to/app.wasm"}, relative to the manifest's directory. */
    record LocalFile(String path) implements ComponentSource {
        @Override
        public String toString() {
            return "\"" + path + "\"";
        }
    }

    /** {@code source = { url = "...", digest = "sha256:..." }}. */
    record Remote(String url, String digest) implements ComponentSource {
        @Override
        public String toString() {
            return "\"" + url + "\" with digest \"" + digest + "\"";
        }
    }

    /** {@code source = { registry = "...", package = "ns:name", version = "..." }}. */
    record Registry(Optional<String> registry, String pkg, String version)
            implements ComponentSource {
        @Override
        public String toString() {
            return "\""
                    + pkg
                    + "@"
                    + version
                    + "\" from "
                    + registry.map(r -> "registry \"" + r + "\"").orElse("default registry");
        }
    }
}
