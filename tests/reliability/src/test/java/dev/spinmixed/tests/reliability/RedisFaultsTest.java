package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisParameter;
import dev.spinmixed.host.redis.RedisResult;
import dev.spinmixed.host.redis.RedisTriggerException;
import dev.spinmixed.tests.support.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Stops and restarts redis-server in the middle of a stream of orders through both wirings of the
 * Orders app and counts, per wiring, the orders sent, completed, rejected, reported failed to the
 * caller, lost and duplicated.
 *
 * <p>As in Spin (the default), the app ends when its Redis trigger loses the connection, and a
 * supervisor starts it again once Redis is back, as Kubernetes restarts the pod; orders sent while
 * it is down are refused (no answer). With {@code --redis-reconnect} the app stays up and its
 * relays resubscribe. Either way the orchestrated wiring publishes only the final event and answers
 * 502 {@code event-not-published} when it cannot: it never loses an order silently. The hops wiring
 * answers 202 once the order is on the first channel; Redis pub/sub (what Spin's Redis trigger is)
 * is at-most-once, so orders in flight when Redis goes away, and (with reconnect) orders published
 * before the relays have resubscribed, are gone without anyone being told.
 */
@ExtendWith(SummaryExtension.class)
class RedisFaultsTest {

    static final Duration PACE = Duration.ofMillis(15);
    static final Duration BEFORE_OUTAGE = Duration.ofMillis(1500);
    static final Duration OUTAGE = Duration.ofMillis(1500);
    static final Duration AFTER_OUTAGE = Duration.ofMillis(2500);
    static final int INSTANCES = 4;

    @Test
    void aRedisOutageEndsTheAppAsInSpinAndARestartedAppLosesNoOrchestratedOrder(Summary summary)
            throws Exception {
        int port = RedisServer.freePort();
        try (RedisServer redis = RedisServer.start();
                EventObserver observer = new EventObserver(redis.port(), "orders.events")) {
            LocalApp app =
                    LocalApp.orders(
                            Optional.of(redis.url()),
                            Duration.ofSeconds(10),
                            INSTANCES,
                            port,
                            SpinApp.RedisOptions.SPIN);
            LocalApp restarted = null;
            try {
                observer.awaitSubscriptionAfter(0, Duration.ofSeconds(10));
                warmUp(app);
                Streams streams = new Streams(app.base);

                Thread.sleep(BEFORE_OUTAGE.toMillis());
                redis.stop();
                Throwable ended =
                        assertThrows(
                                        ExecutionException.class,
                                        () -> app.app.ended().get(10, TimeUnit.SECONDS),
                                        "the app ended with its Redis connection")
                                .getCause();
                assertInstanceOf(RedisTriggerException.class, ended);
                long down = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                streams.restart.writeLock().lock();
                try {
                    int before = observer.subscriptions();
                    redis.startAgain();
                    observer.awaitSubscriptionAfter(before, Duration.ofSeconds(10));
                } finally {
                    streams.restart.writeLock().unlock();
                }
                restarted = restart(redis, port);
                long downMillis = (System.nanoTime() - down) / 1_000_000;
                Thread.sleep(AFTER_OUTAGE.toMillis());
                streams.finish(observer);

                OrderTally orc = streams.orchestrated.tally(observer);
                OrderTally hop = streams.hops.tally(observer);
                summary.put("redis-faults", "outages injected", 1);
                summary.put(
                        "redis-faults", "app ended with its Redis connection", ended.getMessage());
                summary.put("redis-faults", "app down (ms)", downMillis);
                summary.put("redis-faults", "orchestrated", orc.figures());
                summary.put("redis-faults", "hops", hop.figures());

                assertEquals(0, orc.lost, "orchestrated orders lost silently: " + orc);
                assertEquals(0, orc.duplicated, "orchestrated orders duplicated: " + orc);
                assertTrue(
                        orc.reportedFailed > 0,
                        "the outage was seen by orchestrated callers (502 or no answer): " + orc);
                assertTrue(
                        orc.completed > 0
                                && orc.completed + orc.rejected + orc.reportedFailed == orc.sent,
                        orc.toString());
                assertEquals(0, hop.duplicated, "pub/sub never delivers twice: " + hop);
                assertEquals(200, restarted.post("/orders", order("after")).statusCode());
                assertEquals(202, restarted.post("/hops/orders", order("after-hops")).statusCode());
            } finally {
                app.close();
                if (restarted != null) {
                    restarted.close();
                }
            }
        }
    }

    @Test
    void withRedisReconnectTheAppStaysUpAndHopsLosesWhatWasPublishedMeanwhile(Summary summary)
            throws Exception {
        try (RedisServer redis = RedisServer.start();
                LocalApp app =
                        LocalApp.orders(
                                Optional.of(redis.url()),
                                Duration.ofSeconds(10),
                                INSTANCES,
                                0,
                                new SpinApp.RedisOptions(true, false));
                EventObserver observer = new EventObserver(redis.port(), "orders.events")) {
            assertTrue(
                    app.app.redisTrigger().orElseThrow().awaitSubscribed(Duration.ofSeconds(10)),
                    "the relays subscribed");
            observer.awaitSubscriptionAfter(0, Duration.ofSeconds(10));
            warmUp(app);
            Streams streams = new Streams(app.base);

            Thread.sleep(BEFORE_OUTAGE.toMillis());
            redis.stop();
            Thread.sleep(OUTAGE.toMillis());
            streams.restart.writeLock().lock();
            try {
                int before = observer.subscriptions();
                redis.startAgain();
                observer.awaitSubscriptionAfter(before, Duration.ofSeconds(10));
            } finally {
                streams.restart.writeLock().unlock();
            }
            Thread.sleep(AFTER_OUTAGE.toMillis());
            streams.finish(observer);
            assertTrue(!app.app.ended().isDone(), "the app stayed up");

            OrderTally orc = streams.orchestrated.tally(observer);
            OrderTally hop = streams.hops.tally(observer);
            summary.put("redis-faults", "orchestrated (--redis-reconnect)", orc.figures());
            summary.put("redis-faults", "hops (--redis-reconnect)", hop.figures());
            summary.put(
                    "redis-faults",
                    "hops relay calls that failed (--redis-reconnect)",
                    app.app.redisTrigger().orElseThrow().failed());

            assertEquals(0, orc.lost, "orchestrated orders lost silently: " + orc);
            assertEquals(0, orc.duplicated, "orchestrated orders duplicated: " + orc);
            assertTrue(
                    orc.reportedFailed > 0,
                    "the outage was seen by orchestrated callers (502): " + orc);
            assertEquals(0, hop.duplicated, "pub/sub never delivers twice: " + hop);
            // At-most-once, measured: 202 was answered for orders that never produced an event.
            assertTrue(hop.lost > 0, "the hops wiring lost orders across the outage: " + hop);
        }
    }

    /**
     * What a supervisor (the kubelet) does: starts the app again on its address until it comes up.
     */
    private static LocalApp restart(RedisServer redis, int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return LocalApp.orders(
                        Optional.of(redis.url()),
                        Duration.ofSeconds(10),
                        INSTANCES,
                        port,
                        SpinApp.RedisOptions.SPIN);
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * The one signal Spin's outbound Redis gives a publisher that nobody listened: {@code execute}
     * of {@code PUBLISH} answers the number of subscribers that received the message (the {@code
     * publish} function answers nothing). An ingress could answer 503 instead of 202 on 0, turning
     * "published while the relays were away" into "reported failed"; it cannot cover a relay that
     * fails later, after the caller has had its 202.
     */
    @Test
    void executePublishTellsAPublisherWhetherAnyoneHeardIt() throws Exception {
        try (RedisServer redis = RedisServer.start();
                OutboundRedis outbound =
                        new OutboundRedis(
                                true,
                                c ->
                                        AllowedOutboundHosts.parse(
                                                List.of("redis://127.0.0.1:" + redis.port())),
                                Set.of(),
                                new EventSink())) {
            List<RedisParameter> publish =
                    List.of(
                            new RedisParameter.Binary(
                                    "orders.validate".getBytes(StandardCharsets.UTF_8)),
                            new RedisParameter.Binary("{}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(
                    List.of(new RedisResult.Int64(0)),
                    outbound.execute("hops-ingress", redis.url(), "PUBLISH", publish));
            try (Jedis listener = new Jedis("127.0.0.1", redis.port())) {
                JedisPubSub pubSub = new JedisPubSub() {};
                Thread t = new Thread(() -> listener.subscribe(pubSub, "orders.validate"));
                t.setDaemon(true);
                t.start();
                while (!pubSub.isSubscribed()) {
                    Thread.sleep(5);
                }
                assertEquals(
                        List.of(new RedisResult.Int64(1)),
                        outbound.execute("hops-ingress", redis.url(), "PUBLISH", publish));
                pubSub.unsubscribe();
            }
        }
    }

    /** Compiles the guests before the stream starts, so compile time cannot pass for an outage. */
    private static void warmUp(LocalApp app) throws Exception {
        for (int attempt = 0;
                attempt < 20 && app.post("/orders", order("warm-" + attempt)).statusCode() != 200;
                attempt++) {
            Thread.sleep(500);
        }
        assertEquals(202, app.post("/hops/orders", order("warm-hops")).statusCode());
    }

    static String order(String id) {
        return MalformedRequests.ORDER.replace("o-1001", id);
    }

    /**
     * Both wirings' streams at once, against one address whichever app serves it. Senders hold the
     * read lock of {@code restart} for each request; restarting Redis takes the write lock, so no
     * request is in flight while Redis comes back and the observer resubscribes: every event
     * published after the restart is one the observer can see.
     */
    static final class Streams {
        final ReentrantReadWriteLock restart = new ReentrantReadWriteLock();
        final Stream orchestrated;
        final Stream hops;
        private final ExecutorService senders = Executors.newFixedThreadPool(2);
        private final Future<?> a;
        private final Future<?> b;

        Streams(URI base) {
            HttpClient client =
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            orchestrated = new Stream("orc", "/orders", base, client, restart);
            hops = new Stream("hop", "/hops/orders", base, client, restart);
            a = senders.submit(orchestrated);
            b = senders.submit(hops);
        }

        void finish(EventObserver observer) throws Exception {
            orchestrated.stop = true;
            hops.stop = true;
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            senders.shutdown();
            observer.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(15));
        }
    }

    /**
     * Sends orders one after another at a fixed pace through one route, remembering each answer.
     */
    static final class Stream implements java.util.concurrent.Callable<Void> {
        final String prefix;
        final String route;
        final URI base;
        final HttpClient client;
        final ReentrantReadWriteLock restart;
        final List<String> ids = new ArrayList<>();
        final Map<String, Boolean> accepted = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean stop;

        Stream(
                String prefix,
                String route,
                URI base,
                HttpClient client,
                ReentrantReadWriteLock restart) {
            this.prefix = prefix;
            this.route = route;
            this.base = base;
            this.client = client;
            this.restart = restart;
        }

        @Override
        public Void call() throws Exception {
            for (int i = 0; !stop; i++) {
                String id = prefix + "-" + i;
                ids.add(id);
                restart.readLock().lock();
                try {
                    accepted.put(
                            id,
                            taken(
                                    client.send(
                                            HttpRequest.newBuilder(base.resolve(route))
                                                    .header("content-type", "application/json")
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofString(
                                                                    order(id)))
                                                    .timeout(Duration.ofSeconds(60))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())));
                } catch (java.io.IOException e) {
                    accepted.put(id, false);
                } finally {
                    restart.readLock().unlock();
                }
                Thread.sleep(PACE.toMillis());
            }
            return null;
        }

        /**
         * 200/422 (orchestrated: outcome known, event published) or 202 (hops: on its way); else
         * reported failed (another status, or no answer).
         */
        private static boolean taken(HttpResponse<String> response) {
            int s = response.statusCode();
            return s == 200 || s == 422 || s == 202;
        }

        OrderTally tally(EventObserver observer) {
            OrderTally t = new OrderTally();
            ids.forEach(id -> t.count(accepted.get(id), observer.events(id)));
            return t;
        }
    }
}
