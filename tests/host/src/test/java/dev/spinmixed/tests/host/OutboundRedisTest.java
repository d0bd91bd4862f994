package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisCallException;
import dev.spinmixed.host.redis.RedisParameter;
import dev.spinmixed.host.redis.RedisRequiredException;
import dev.spinmixed.host.redis.RedisResult;
import dev.spinmixed.tests.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisServerExtension.class)
class OutboundRedisTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static OutboundRedis connected(RedisServer redis) {
        return connected(redis, OutboundRedis.Mode.CONNECTION_PER_CALL);
    }

    static OutboundRedis connected(RedisServer redis, OutboundRedis.Mode mode) {
        AllowedOutboundHosts allowed =
                AllowedOutboundHosts.parse(List.of("redis://127.0.0.1:" + redis.port()));
        return new OutboundRedis(
                mode,
                c -> c.equals("app") ? allowed : AllowedOutboundHosts.parse(List.of()),
                Set.of(),
                new EventSink());
    }

    /** Connections the server has accepted so far (INFO stats, total_connections_received). */
    static long connectionsReceived(RedisServer redis) {
        try (Jedis j = new Jedis("127.0.0.1", redis.port())) {
            return j.info("stats")
                    .lines()
                    .filter(l -> l.startsWith("total_connections_received:"))
                    .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void byDefaultEachCallOpensItsOwnConnectionAsSpinsV1InterfaceDoes(RedisServer redis)
            throws Exception {
        try (OutboundRedis r = connected(redis)) {
            long before = connectionsReceived(redis);
            for (int i = 0; i < 5; i++) {
                r.incr("app", redis.url(), "calls");
            }
            // +1: the INFO connection that counts them
            assertEquals(before + 5 + 1, connectionsReceived(redis));
        }
    }

    @Test
    void pooledCallsReuseAConnection(RedisServer redis) throws Exception {
        try (OutboundRedis r = connected(redis, OutboundRedis.Mode.POOLED)) {
            r.incr("app", redis.url(), "pooled");
            long before = connectionsReceived(redis);
            for (int i = 0; i < 5; i++) {
                r.incr("app", redis.url(), "pooled");
            }
            assertEquals(before + 1, connectionsReceived(redis));
        }
    }

    @Test
    void eachConnectionAuthenticatesWithThePasswordOfTheAddress() throws Exception {
        try (RedisServer redis = RedisServer.start();
                Jedis admin = new Jedis("127.0.0.1", redis.port())) {
            admin.configSet("requirepass", "s3cret-pass");
            String address = "redis://:s3cret-pass@127.0.0.1:" + redis.port();
            AllowedOutboundHosts allowed =
                    AllowedOutboundHosts.parse(List.of("redis://127.0.0.1:" + redis.port()));
            try (OutboundRedis r =
                    new OutboundRedis(
                            OutboundRedis.Mode.CONNECTION_PER_CALL,
                            c -> allowed,
                            Set.of(),
                            new EventSink())) {
                r.set("app", address, "k", bytes("v"));
                assertArrayEquals(bytes("v"), r.get("app", address, "k"));
                var refused =
                        assertThrows(
                                RedisCallException.class,
                                () -> r.get("app", "redis://127.0.0.1:" + redis.port(), "k"));
                assertTrue(refused.getMessage().contains("NOAUTH"), refused.getMessage());
            }
        }
    }

    @Test
    void aRefusedAddressIsReportedWithoutItsPassword() throws Exception {
        AllowedOutboundHosts allowed = AllowedOutboundHosts.parse(List.of("redis://10.0.0.1:6379"));
        try (OutboundRedis r =
                new OutboundRedis(
                        OutboundRedis.Mode.CONNECTION_PER_CALL,
                        c -> allowed,
                        Set.of(),
                        new EventSink())) {
            var refused =
                    assertThrows(
                            RedisCallException.class,
                            () -> r.get("app", "redis://:s3cret-pass@10.9.9.9:6379", "k"));
            assertTrue(
                    refused.getMessage().contains("redis://10.9.9.9:6379")
                            && !refused.getMessage().contains("s3cret"),
                    refused.getMessage());
        }
    }

    @Test
    void anAddressThatIsNotARedisUrlIsAnErrorAsInSpin(RedisServer redis) {
        AllowedOutboundHosts any = AllowedOutboundHosts.parse(List.of("redis://127.0.0.1:*"));
        try (OutboundRedis r =
                new OutboundRedis(
                        OutboundRedis.Mode.CONNECTION_PER_CALL,
                        c -> any,
                        Set.of(),
                        new EventSink())) {
            var e =
                    assertThrows(
                            RedisCallException.class,
                            () -> r.get("app", "127.0.0.1:" + redis.port(), "k"));
            assertTrue(e.getMessage().contains("is not a redis://host URL"), e.getMessage());
        }
    }

    @Test
    void keyAndSetCommandsRunAgainstRealRedis(RedisServer redis) throws Exception {
        for (OutboundRedis.Mode mode :
                List.of(OutboundRedis.Mode.CONNECTION_PER_CALL, OutboundRedis.Mode.POOLED)) {
            try (OutboundRedis r = connected(redis, mode)) {
                keyAndSetCommands(r, redis.url());
            }
        }
    }

    private static void keyAndSetCommands(OutboundRedis r, String a) throws Exception {
        r.set("app", a, "k", bytes("v1"));
        assertArrayEquals(bytes("v1"), r.get("app", a, "k"));
        assertArrayEquals(new byte[0], r.get("app", a, "missing"));
        assertEquals(1, r.incr("app", a, "n"));
        assertEquals(2, r.incr("app", a, "n"));
        assertEquals(2, r.sadd("app", a, "s", List.of("x", "y")));
        assertEquals(Set.of("x", "y"), Set.copyOf(r.smembers("app", a, "s")));
        assertEquals(1, r.srem("app", a, "s", List.of("x")));
        assertEquals(3, r.del("app", a, List.of("k", "n", "s", "missing")));
    }

    @Test
    void executeSendsArgumentsAndFlattensTheReply(RedisServer redis) throws Exception {
        try (OutboundRedis r = connected(redis)) {
            String a = redis.url();
            r.execute(
                    "app",
                    a,
                    "RPUSH",
                    List.of(
                            new RedisParameter.Binary(bytes("list")),
                            new RedisParameter.Binary(bytes("p")),
                            new RedisParameter.Int64(42)));
            List<RedisResult> range =
                    r.execute(
                            "app",
                            a,
                            "LRANGE",
                            List.of(
                                    new RedisParameter.Binary(bytes("list")),
                                    new RedisParameter.Int64(0),
                                    new RedisParameter.Int64(-1)));
            assertEquals(2, range.size());
            assertArrayEquals(bytes("p"), ((RedisResult.Binary) range.get(0)).value());
            assertArrayEquals(bytes("42"), ((RedisResult.Binary) range.get(1)).value());
            assertEquals(
                    List.of(new RedisResult.Int64(2)),
                    r.execute("app", a, "LLEN", List.of(new RedisParameter.Binary(bytes("list")))));
            assertEquals(
                    List.of(new RedisResult.Nil()),
                    r.execute("app", a, "GET", List.of(new RedisParameter.Binary(bytes("nope")))));
            var bad =
                    assertThrows(
                            RedisCallException.class,
                            () -> r.execute("app", a, "NOSUCHCOMMAND", List.of()));
            assertTrue(bad.getMessage().contains("NOSUCHCOMMAND"), bad.getMessage());
        }
    }

    @Test
    void publishReachesASubscriber(RedisServer redis) throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        BinaryJedisPubSub listener =
                new BinaryJedisPubSub() {
                    @Override
                    public void onMessage(byte[] channel, byte[] message) {
                        received.complete(new String(message, StandardCharsets.UTF_8));
                    }
                };
        Thread t =
                new Thread(
                        () -> {
                            try (Jedis j = new Jedis("127.0.0.1", redis.port())) {
                                j.subscribe(listener, bytes("events"));
                            }
                        });
        t.start();
        try (OutboundRedis r = connected(redis)) {
            while (!listener.isSubscribed()) {
                Thread.sleep(10);
            }
            r.publish("app", redis.url(), "events", bytes("hello"));
            assertEquals("hello", received.get(5, TimeUnit.SECONDS));
        } finally {
            listener.unsubscribe();
            t.join();
        }
    }

    @Test
    void anAddressOutsideAllowedOutboundHostsIsRefused(RedisServer redis) {
        try (OutboundRedis r = connected(redis)) {
            var e =
                    assertThrows(
                            RedisCallException.class,
                            () -> r.publish("other", redis.url(), "events", bytes("x")));
            assertTrue(
                    e.getMessage().contains("not in allowed_outbound_hosts of component 'other'"),
                    e.getMessage());
            assertThrows(RedisCallException.class, () -> r.get("app", "redis://127.0.0.1:1", "k"));
        }
    }

    @Test
    void aRedisThatIsDownIsAnErrorForTheGuestNotACrash() {
        AllowedOutboundHosts any = AllowedOutboundHosts.parse(List.of("redis://127.0.0.1:*"));
        try (OutboundRedis r = new OutboundRedis(true, c -> any, Set.of(), new EventSink())) {
            var e =
                    assertThrows(
                            RedisCallException.class,
                            () -> r.get("app", "redis://127.0.0.1:1", "k"));
            assertTrue(
                    e.getMessage().contains("Redis GET on redis://127.0.0.1:1 failed"),
                    e.getMessage());
        }
    }

    @Test
    void withoutRedisAPublishToAnEventChannelGoesToTheSinkAndTriggerChannelsNeedRedis()
            throws Exception {
        AllowedOutboundHosts allowed =
                AllowedOutboundHosts.parse(List.of("redis://127.0.0.1:6379"));
        EventSink sink = new EventSink();
        try (OutboundRedis r =
                new OutboundRedis(false, c -> allowed, Set.of("orders.validate"), sink)) {
            r.publish("app", "redis://127.0.0.1:6379", "orders.events", bytes("done"));
            assertEquals(1, sink.events().size());
            assertEquals("orders.events", sink.events().get(0).channel());
            assertArrayEquals(bytes("done"), sink.events().get(0).payload());
            var hop =
                    assertThrows(
                            RedisRequiredException.class,
                            () ->
                                    r.publish(
                                            "app",
                                            "redis://127.0.0.1:6379",
                                            "orders.validate",
                                            bytes("x")));
            assertTrue(hop.getMessage().contains("--no-redis"), hop.getMessage());
            assertThrows(
                    RedisRequiredException.class,
                    () -> r.get("app", "redis://127.0.0.1:6379", "k"));
        }
    }
}
