package dev.spinmixed.host.runtime;

/**
 * A guest call that did not complete: a trap, an interrupted call, or a value that cannot be
 * lifted.
 */
public final class FailedGuestCall extends RuntimeException {

    public FailedGuestCall(String message, Throwable cause) {
        super(message, cause);
    }
}
