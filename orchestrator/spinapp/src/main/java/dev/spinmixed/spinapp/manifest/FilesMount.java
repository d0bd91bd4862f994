package dev.spinmixed.spinapp.manifest;

/** One entry of a component's {@code files}: a glob pattern, or a directory placed at a path. */
public sealed interface FilesMount {

    record Pattern(String glob) implements FilesMount {}

    record Placement(String source, String destination) implements FilesMount {}
}
