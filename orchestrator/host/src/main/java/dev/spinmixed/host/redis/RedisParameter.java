package dev.spinmixed.host.redis;

/** {@code fermyon:spin/redis-types.redis-parameter}: an argument of {@code execute}. */
public sealed interface RedisParameter {
    record Int64(long value) implements RedisParameter {}

    record Binary(byte[] value) implements RedisParameter {}
}
