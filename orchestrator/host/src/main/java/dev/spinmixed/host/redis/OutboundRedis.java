package dev.spinmixed.host.redis;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The outbound {@code fermyon:spin/redis} functions, for a named component. Every call first checks
 * the address against the component's {@code allowed_outbound_hosts}, as Spin does; a refused
 * address or a failed command is logged and reported to the guest as {@link RedisCallException}.
 * With a real Redis ({@code connected}), calls go through a pooled Jedis client per address.
 * Without one (the embedded default), a publish to a channel no trigger of this app consumes goes
 * to the {@link EventSink}; anything else throws {@link RedisRequiredException}, because the app's
 * flow would silently stop there.
 */
public final class OutboundRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRedis.class);

    private final boolean connected;
    private final Function<String, AllowedOutboundHosts> allowedHosts;
    private final Set<String> triggerChannels;
    private final EventSink sink;
    private final Map<String, UnifiedJedis> clients = new ConcurrentHashMap<>();

    /**
     * @param connected whether a real Redis was given (--redis)
     * @param allowedHosts each component's allowed outbound hosts, by component id
     * @param triggerChannels the channels this app's Redis triggers subscribe to
     */
    public OutboundRedis(
            boolean connected,
            Function<String, AllowedOutboundHosts> allowedHosts,
            Set<String> triggerChannels,
            EventSink sink) {
        this.connected = connected;
        this.allowedHosts = allowedHosts;
        this.triggerChannels = Set.copyOf(triggerChannels);
        this.sink = sink;
    }

    public void publish(String component, String address, String channel, byte[] payload)
            throws RedisCallException {
        checkAllowed(component, address);
        if (!connected) {
            if (triggerChannels.contains(channel)) {
                throw new RedisRequiredException(
                        "this route needs Redis: component '"
                                + component
                                + "' publishes to channel '"
                                + channel
                                + "', which a Redis trigger of this app consumes; start the host"
                                + " with --redis redis://127.0.0.1:6379");
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
        clients.values().forEach(UnifiedJedis::close);
        clients.clear();
    }

    private interface Command<T> {
        T run(UnifiedJedis client);
    }

    private <T> T run(String component, String address, String name, Command<T> command)
            throws RedisCallException {
        checkAllowed(component, address);
        if (!connected) {
            throw new RedisRequiredException(
                    "this route needs Redis: component '"
                            + component
                            + "' ran Redis "
                            + name
                            + " on "
                            + address
                            + "; start the host with --redis redis://127.0.0.1:6379");
        }
        try {
            return command.run(client(address));
        } catch (RuntimeException e) {
            LOG.warn(
                    "component '{}': Redis {} on {} failed: {}",
                    component,
                    name,
                    address,
                    e.getMessage());
            throw new RedisCallException(
                    "Redis " + name + " on " + address + " failed: " + e.getMessage(), e);
        }
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

    private UnifiedJedis client(String address) {
        return clients.computeIfAbsent(
                address,
                a -> RedisClient.create(URI.create(a.contains("://") ? a : "redis://" + a)));
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
