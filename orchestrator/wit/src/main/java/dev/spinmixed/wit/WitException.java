package dev.spinmixed.wit;

import java.util.Optional;

/**
 * Bad WIT: a syntax error, a name that does not resolve, a duplicate or a cycle. When the problem
 * has a place in a source file the message starts with {@code file:line:column: }.
 */
public final class WitException extends RuntimeException {

    private final transient SourcePosition position;

    public WitException(SourcePosition position, String message) {
        super(position + ": " + message);
        this.position = position;
    }

    public WitException(String message) {
        super(message);
        this.position = null;
    }

    public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
    }
}
