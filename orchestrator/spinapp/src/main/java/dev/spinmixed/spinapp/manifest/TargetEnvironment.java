package dev.spinmixed.spinapp.manifest;

/**
 * One entry of {@code targets}: an environment Spin checks the app against ({@code spin build}).
 */
public sealed interface TargetEnvironment {

    /** {@code "spin-up:3.3"}: from the default environment catalogue. */
    record Named(String reference) implements TargetEnvironment {}

    /** {@code { registry = "...", id = "..." }}. */
    record InRegistry(String registry, String id) implements TargetEnvironment {}

    /** {@code { path = "env.toml" }}. */
    record File(String path) implements TargetEnvironment {}
}
