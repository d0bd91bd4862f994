package dev.spinmixed.host.runtime;

/**
 * A guest call that did not complete: a trap, an interrupted call, or a value that cannot be
 * lifted.
 */
public final class GuestFault extends RuntimeException {

    public GuestFault(String message, Throwable cause) {
        super(message, cause);
    }
}
