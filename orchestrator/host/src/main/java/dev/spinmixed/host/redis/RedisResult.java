package dev.spinmixed.host.redis;

/**
 * {@code fermyon:spin/redis-types.redis-result}: one value of an {@code execute} reply. Jedis
 * returns status replies and bulk strings alike as bytes, so a status such as {@code OK} arrives as
 * {@link Binary}; {@link Status} is kept for the WIT's sake.
 */
public sealed interface RedisResult {
    record Nil() implements RedisResult {}

    record Status(String value) implements RedisResult {}

    record Int64(long value) implements RedisResult {}

    record Binary(byte[] value) implements RedisResult {}
}
