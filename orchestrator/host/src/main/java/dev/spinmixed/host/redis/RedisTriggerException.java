package dev.spinmixed.host.redis;

/**
 * The Redis trigger ended: a subscriber could not connect, or lost its connection, and the app ends
 * with it, as Spin's does.
 */
public final class RedisTriggerException extends RuntimeException {

    public RedisTriggerException(String message) {
        super(message);
    }
}
