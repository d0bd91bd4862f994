package dev.spinmixed.host.runtime;

/** One header as {@code tuple<string, string>}. */
public record Header(String name, String value) {}
