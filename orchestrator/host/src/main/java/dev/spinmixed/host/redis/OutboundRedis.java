package dev.spinmixed.host.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The outbound {@code fermyon:spin/redis} functions (the v1 interface), for a named component.
 * Every call first checks the address against the component's {@code allowed_outbound_hosts}, as
 * Spin does; a refused address, an address that is not a {@code redis://} or {@code rediss://} URL,
 * or a failed command is logged and reported to the guest as {@link RedisCallException}.
 *
 * <p>{@link Mode#CONNECTION_PER_CALL}, the default, is what Spin 3.6.3 pays: each call opens a new
 * connection (with AUTH when the URL has a password), runs its command and closes it ({@code
 * crates/factor-outbound-redis/src/host.rs}, the {@code delegate!} macro: {@code
 * establish_connection} on every v1 call). {@link Mode#POOLED} reuses pooled connections per
 * address, an option of this host. {@link Mode#IN_MEMORY} runs without Redis: a publish to a
 * channel no trigger of this app consumes goes to the {@link EventSink}; anything else throws
 * {@link RedisRequiredException}, because the app's flow would silently stop there.
 */
public final class OutboundRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRedis.class);

    /** Where the calls go. */
    public enum Mode {
        /** No Redis: publishes to channels no trigger consumes go to the in-memory sink. */
        IN_MEMORY,
        /** A new connection per call, as Spin's v1 interface opens one. */
        CONNECTION_PER_CALL,
        /** Pooled connections per address (this host's option). */
        POOLED
    }

    private final Mode mode;
    private final Function<String, AllowedOutboundHosts> allowedHosts;
    private final Set<String> triggerChannels;
    private final EventSink sink;
    private final Map<String, JedisPool> pools = new ConcurrentHashMap<>();

    /**
     * @param allowedHosts each component's allowed outbound hosts, by component id
     * @param triggerChannels the channels this app's Redis triggers subscribe to
     */
    public OutboundRedis(
            Mode mode,
            Function<String, AllowedOutboundHosts> allowedHosts,
            Set<String> triggerChannels,
            EventSink sink) {
        this.mode = mode;
        this.allowedHosts = allowedHosts;
        this.triggerChannels = Set.copyOf(triggerChannels);
        this.sink = sink;
    }

    /** With a real Redis ({@code connected}), a connection per call as in Spin; else in memory. */
    public OutboundRedis(
            boolean connected,
            Function<String, AllowedOutboundHosts> allowedHosts,
            Set<String> triggerChannels,
            EventSink sink) {
        this(
                connected ? Mode.CONNECTION_PER_CALL : Mode.IN_MEMORY,
                allowedHosts,
                triggerChannels,
                sink);
    }

    public Mode mode() {
        return mode;
    }

    public void publish(String component, String address, String channel, byte[] payload)
            throws RedisCallException {
        checkAllowed(component, address);
        if (mode == Mode.IN_MEMORY) {
            if (triggerChannels.contains(channel)) {
                throw new RedisRequiredException(
                        "this route needs Redis: component '"
                                + component
                                + "' publishes to channel '"
                                + channel
                                + "', which a Redis trigger of this app consumes; start the host"
                                + " without --no-redis (a private redis-server) or with --redis"
                                + " URL");
            }
            sink.publish(component, channel, payload);
            return;
        }
        run(
                component,
                address,
                "PUBLISH",
                c -> c.publish(channel.getBytes(StandardCharsets.UTF_8), payload));
    }

    public byte[] get(String component, String address, String key) throws RedisCallException {
        byte[] value =
                run(component, address, "GET", c -> c.get(key.getBytes(StandardCharsets.UTF_8)));
        return value == null ? new byte[0] : value;
    }

    public void set(String component, String address, String key, byte[] value)
            throws RedisCallException {
        run(component, address, "SET", c -> c.set(key.getBytes(StandardCharsets.UTF_8), value));
    }

    public long incr(String component, String address, String key) throws RedisCallException {
        return run(component, address, "INCR", c -> c.incr(key));
    }

    public long del(String component, String address, List<String> keys) throws RedisCallException {
        return run(component, address, "DEL", c -> c.del(keys.toArray(String[]::new)));
    }

    public long sadd(String component, String address, String key, List<String> values)
            throws RedisCallException {
        return run(component, address, "SADD", c -> c.sadd(key, values.toArray(String[]::new)));
    }

    public long srem(String component, String address, String key, List<String> values)
            throws RedisCallException {
        return run(component, address, "SREM", c -> c.srem(key, values.toArray(String[]::new)));
    }

    public List<String> smembers(String component, String address, String key)
            throws RedisCallException {
        return run(component, address, "SMEMBERS", c -> List.copyOf(c.smembers(key)));
    }

    public List<RedisResult> execute(
            String component, String address, String command, List<RedisParameter> arguments)
            throws RedisCallException {
        byte[][] args =
                arguments.stream()
                        .map(
                                a ->
                                        a instanceof RedisParameter.Int64 i
                                                ? Long.toString(i.value())
                                                        .getBytes(StandardCharsets.US_ASCII)
                                                : ((RedisParameter.Binary) a).value())
                        .toArray(byte[][]::new);
        ProtocolCommand raw = () -> command.getBytes(StandardCharsets.UTF_8);
        Object reply = run(component, address, command, c -> c.sendCommand(raw, args));
        List<RedisResult> out = new ArrayList<>();
        flatten(reply, out);
        return out;
    }

    @Override
    public void close() {
        pools.values().forEach(JedisPool::close);
        pools.clear();
    }

    private interface Command<T> {
        T run(Jedis client);
    }

    private <T> T run(String component, String address, String name, Command<T> command)
            throws RedisCallException {
        checkAllowed(component, address);
        if (mode == Mode.IN_MEMORY) {
            throw new RedisRequiredException(
                    "this route needs Redis: component '"
                            + component
                            + "' ran Redis "
                            + name
                            + " on "
                            + address
                            + "; start the host without --no-redis (a private redis-server) or"
                            + " with --redis URL");
        }
        RedisUrl url = redisUrl(component, address);
        try (Jedis client = mode == Mode.POOLED ? pool(url).getResource() : new Jedis(url.uri())) {
            return command.run(client);
        } catch (RuntimeException e) {
            LOG.warn(
                    "component '{}': Redis {} on {} failed: {}",
                    component,
                    name,
                    url,
                    e.getMessage());
            throw new RedisCallException(
                    "Redis " + name + " on " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static RedisUrl redisUrl(String component, String address) throws RedisCallException {
        Optional<RedisUrl> url = RedisUrl.parse(address);
        if (url.isEmpty()) {
            LOG.warn("component '{}': Redis address {} is not a redis:// URL", component, address);
            throw new RedisCallException("Redis address " + address + " is not a redis://host URL");
        }
        return url.get();
    }

    private void checkAllowed(String component, String address) throws RedisCallException {
        AllowedOutboundHosts allowed = allowedHosts.apply(component);
        if (!allowed.allows(address, "redis")) {
            LOG.warn(
                    "component '{}' may not connect to {}: not in its allowed_outbound_hosts {}",
                    component,
                    address,
                    allowed);
            throw new RedisCallException(
                    "address "
                            + address
                            + " is not in allowed_outbound_hosts of component '"
                            + component
                            + "'");
        }
    }

    private JedisPool pool(RedisUrl url) {
        return pools.computeIfAbsent(url.uri().toString(), a -> new JedisPool(url.uri()));
    }

    private static void flatten(Object reply, List<RedisResult> out) {
        if (reply == null) {
            out.add(new RedisResult.Nil());
        } else if (reply instanceof Long l) {
            out.add(new RedisResult.Int64(l));
        } else if (reply instanceof byte[] b) {
            out.add(new RedisResult.Binary(b));
        } else if (reply instanceof List<?> list) {
            list.forEach(item -> flatten(item, out));
        } else {
            out.add(new RedisResult.Status(String.valueOf(reply)));
        }
    }
}
