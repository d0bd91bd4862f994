package dev.spinmixed.host.app;

import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.host.redis.RedisCallException;
import dev.spinmixed.host.redis.RedisParameter;
import dev.spinmixed.host.redis.RedisResult;
import dev.spinmixed.host.runtime.HostFunctions;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.linker.Composition;
import java.util.List;

/**
 * The {@code fermyon:spin/redis} and {@code fermyon:spin/config} imports of one component, in the
 * linker's value model: each call answers {@code ok(...)} or {@code err(...)} as the WIT says; only
 * a missing Redis ({@code --no-redis}) escapes as an exception, to fail the request.
 */
final class SpinImports {

    static final String REDIS = "fermyon:spin/redis";
    static final String CONFIG = "fermyon:spin/config";
    private static final Result REDIS_ERROR = Result.err("error");

    private SpinImports() {}

    private interface RedisCall {
        Object run() throws RedisCallException;
    }

    static void addTo(Composition.Builder builder, String component, HostFunctions host) {
        var redis = host.redis();
        builder.host(
                REDIS,
                "publish",
                a ->
                        redis(
                                () -> {
                                    redis.publish(component, str(a, 0), str(a, 1), bytes(a, 2));
                                    return null;
                                }));
        builder.host(REDIS, "get", a -> redis(() -> redis.get(component, str(a, 0), str(a, 1))));
        builder.host(
                REDIS,
                "set",
                a ->
                        redis(
                                () -> {
                                    redis.set(component, str(a, 0), str(a, 1), bytes(a, 2));
                                    return null;
                                }));
        builder.host(REDIS, "incr", a -> redis(() -> redis.incr(component, str(a, 0), str(a, 1))));
        builder.host(
                REDIS, "del", a -> redis(() -> redis.del(component, str(a, 0), strings(a, 1))));
        builder.host(
                REDIS,
                "sadd",
                a -> redis(() -> redis.sadd(component, str(a, 0), str(a, 1), strings(a, 2))));
        builder.host(
                REDIS,
                "srem",
                a -> redis(() -> redis.srem(component, str(a, 0), str(a, 1), strings(a, 2))));
        builder.host(
                REDIS,
                "smembers",
                a -> redis(() -> redis.smembers(component, str(a, 0), str(a, 1))));
        builder.host(
                REDIS,
                "execute",
                a ->
                        redis(
                                () ->
                                        redis
                                                .execute(
                                                        component,
                                                        str(a, 0),
                                                        str(a, 1),
                                                        ((List<?>) a.get(2))
                                                                .stream()
                                                                        .map(SpinImports::parameter)
                                                                        .toList())
                                                .stream()
                                                .map(SpinImports::result)
                                                .toList()));
        builder.host(
                CONFIG,
                "get-config",
                a -> {
                    try {
                        return Result.ok(host.variables().getConfig(component, str(a, 0)));
                    } catch (VariableResolver.ConfigException e) {
                        return Result.err(new Variant(e.errorCase(), e.getMessage()));
                    }
                });
    }

    private static Result redis(RedisCall call) {
        try {
            return Result.ok(call.run());
        } catch (RedisCallException e) {
            return REDIS_ERROR;
        }
    }

    private static RedisParameter parameter(Object value) {
        Variant v = (Variant) value;
        return v.caseName().equals("int64")
                ? new RedisParameter.Int64((Long) v.payload())
                : new RedisParameter.Binary((byte[]) v.payload());
    }

    private static Variant result(RedisResult r) {
        if (r instanceof RedisResult.Status s) {
            return new Variant("status", s.value());
        }
        if (r instanceof RedisResult.Int64 i) {
            return new Variant("int64", i.value());
        }
        if (r instanceof RedisResult.Binary b) {
            return new Variant("binary", b.value());
        }
        return Variant.of("nil");
    }

    private static String str(List<Object> args, int i) {
        return (String) args.get(i);
    }

    private static byte[] bytes(List<Object> args, int i) {
        return (byte[]) args.get(i);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<Object> args, int i) {
        return (List<String>) args.get(i);
    }
}
