package dev.spinmixed.wit;

/** A place in a WIT source file; line and column start at 1. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
