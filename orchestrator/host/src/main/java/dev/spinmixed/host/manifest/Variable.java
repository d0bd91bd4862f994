package dev.spinmixed.host.manifest;

import java.util.Optional;

/** An application variable from {@code [variables]}: a default value, or required. */
public record Variable(
        String name, Optional<String> defaultValue, boolean required, boolean secret) {}
