package dev.spinmixed.host.app;

import java.nio.file.Path;

/**
 * The core module that stands in for one component's source on the JVM, with the WIT world it
 * implements and the language it was written in (for the start-up listing).
 */
public record Guest(String name, Path coreModule, String world, String language) {}
