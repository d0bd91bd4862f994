package dev.spinmixed.host.redis;

/**
 * A guest asked for something only a real Redis can do while the host runs without one ({@code
 * --no-redis}). The HTTP trigger answers 503 and logs this message.
 */
public final class RedisRequiredException extends RuntimeException {

    public RedisRequiredException(String message) {
        super(message);
    }
}
