package dev.spinmixed.host.redis;

/**
 * An outbound Redis call that failed; the guest gets {@code err(error.error)} and the host logs
 * why.
 */
public final class RedisCallException extends Exception {

    public RedisCallException(String message) {
        super(message);
    }

    public RedisCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
