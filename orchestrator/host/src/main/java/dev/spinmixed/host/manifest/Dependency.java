package dev.spinmixed.host.manifest;

import java.nio.file.Path;

/** What satisfies one import of a component: another component of the app, or a wasm file. */
public sealed interface Dependency {

    /** {@code { component = "pricing" }}: a component declared in the same manifest. */
    record AppComponent(String component) implements Dependency {}

    /** {@code { path = "pricing.wasm" }}, resolved against the manifest's directory. */
    record LocalPath(Path path) implements Dependency {}
}
