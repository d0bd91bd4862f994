package dev.spinmixed.host.redis;

/**
 * A guest asked for something only a real Redis can do while the host runs without one (the
 * embedded default). The HTTP trigger answers 503 with this message.
 */
public final class RedisRequiredException extends RuntimeException {

    public RedisRequiredException(String message) {
        super(message);
    }
}
