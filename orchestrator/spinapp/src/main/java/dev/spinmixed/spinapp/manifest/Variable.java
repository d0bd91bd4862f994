package dev.spinmixed.spinapp.manifest;

import java.util.Optional;

/** One application variable ({@code [variables]}): required, or with a default. */
public record Variable(
        String name,
        Optional<String> defaultValue,
        boolean required,
        boolean secret,
        Optional<String> description) {}
