package dev.spinmixed.host.app;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.fermyon.spin.Config;
import dev.spinmixed.contracts.fermyon.spin.Redis;
import dev.spinmixed.contracts.fermyon.spin.redis_types.Error;
import dev.spinmixed.contracts.fermyon.spin.redis_types.RedisParameter;
import dev.spinmixed.contracts.fermyon.spin.redis_types.RedisResult;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisCallException;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.linker.Composition;
import java.util.List;

/**
 * The {@code fermyon:spin/redis} and {@code fermyon:spin/config} imports of one component, served
 * through the Java bindings generated from the WIT: each call answers {@code ok(...)} or {@code
 * err(...)} as the WIT says; only a missing Redis ({@code --no-redis}) escapes as an exception, to
 * fail the request.
 */
final class SpinImports {

    private SpinImports() {}

    static void addTo(Composition.Builder builder, String component, HostFunctions host) {
        Redis.serve(builder, new SpinRedis(component, host.redis()));
        Config.serveGetConfig(
                builder,
                key -> {
                    try {
                        return WitResult.ok(host.variables().getConfig(component, key));
                    } catch (VariableResolver.ConfigException e) {
                        return WitResult.err(configError(e));
                    }
                });
    }

    private static dev.spinmixed.contracts.fermyon.spin.config.Error configError(
            VariableResolver.ConfigException e) {
        return dev.spinmixed.contracts.fermyon.spin.config.Error.fromValue(
                new dev.spinmixed.abi.Variant(e.errorCase(), e.getMessage()));
    }

    /** A Redis call that answers its value or throws {@link RedisCallException}. */
    private interface RedisCall<T> {
        T run() throws RedisCallException;
    }

    /** Any failure of Redis is the WIT's {@code error} case (Spin's v1 Redis interface has one). */
    private static <T> WitResult<T, Error> redis(RedisCall<T> call) {
        try {
            return WitResult.ok(call.run());
        } catch (RedisCallException e) {
            return WitResult.err(Error.ERROR);
        }
    }

    /** {@code fermyon:spin/redis} for one component, on the host's outbound Redis. */
    private record SpinRedis(String component, OutboundRedis redis) implements Redis {

        @Override
        public WitResult<Void, Error> publish(String address, String channel, byte[] payload) {
            return SpinImports.redis(
                    () -> {
                        redis.publish(component, address, channel, payload);
                        return null;
                    });
        }

        @Override
        public WitResult<byte[], Error> get(String address, String key) {
            return SpinImports.redis(() -> redis.get(component, address, key));
        }

        @Override
        public WitResult<Void, Error> set(String address, String key, byte[] value) {
            return SpinImports.redis(
                    () -> {
                        redis.set(component, address, key, value);
                        return null;
                    });
        }

        @Override
        public WitResult<Long, Error> incr(String address, String key) {
            return SpinImports.redis(() -> redis.incr(component, address, key));
        }

        @Override
        public WitResult<Long, Error> del(String address, List<String> keys) {
            return SpinImports.redis(() -> redis.del(component, address, keys));
        }

        @Override
        public WitResult<Long, Error> sadd(String address, String key, List<String> values) {
            return SpinImports.redis(() -> redis.sadd(component, address, key, values));
        }

        @Override
        public WitResult<List<String>, Error> smembers(String address, String key) {
            return SpinImports.redis(() -> redis.smembers(component, address, key));
        }

        @Override
        public WitResult<Long, Error> srem(String address, String key, List<String> values) {
            return SpinImports.redis(() -> redis.srem(component, address, key, values));
        }

        @Override
        public WitResult<List<RedisResult>, Error> execute(
                String address, String command, List<RedisParameter> arguments) {
            return SpinImports.redis(
                    () ->
                            redis
                                    .execute(
                                            component,
                                            address,
                                            command,
                                            arguments.stream().map(SpinImports::parameter).toList())
                                    .stream()
                                    .map(SpinImports::result)
                                    .toList());
        }
    }

    private static dev.spinmixed.host.redis.RedisParameter parameter(RedisParameter p) {
        if (p instanceof RedisParameter.Int64 i) {
            return new dev.spinmixed.host.redis.RedisParameter.Int64(i.value());
        }
        return new dev.spinmixed.host.redis.RedisParameter.Binary(
                ((RedisParameter.Binary) p).value());
    }

    private static RedisResult result(dev.spinmixed.host.redis.RedisResult r) {
        if (r instanceof dev.spinmixed.host.redis.RedisResult.Status s) {
            return new RedisResult.Status(s.value());
        }
        if (r instanceof dev.spinmixed.host.redis.RedisResult.Int64 i) {
            return new RedisResult.Int64(i.value());
        }
        if (r instanceof dev.spinmixed.host.redis.RedisResult.Binary b) {
            return new RedisResult.Binary(b.value());
        }
        return new RedisResult.Nil();
    }
}
