package dev.spinmixed.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisParameter;
import dev.spinmixed.host.redis.RedisResult;
import dev.spinmixed.testsupport.RedisServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * caller, lost and duplicated. The orchestrated wiring publishes only the final event, and answers
 * 502 {@code event-not-published} when it cannot: it never loses an order silently. The hops wiring
 * answers 202 once the order is on the first channel; Redis pub/sub (what Spin's Redis trigger is)
 * is at-most-once, so orders in flight when Redis goes away, and orders published before the relays
 * have resubscribed, are gone without anyone being told.
 */
@ExtendWith(SummaryExtension.class)
class RedisFaultsTest {

    static final Duration PACE = Duration.ofMillis(15);
    static final Duration BEFORE_OUTAGE = Duration.ofMillis(1500);
    static final Duration OUTAGE = Duration.ofMillis(1500);
    static final Duration AFTER_OUTAGE = Duration.ofMillis(2500);

    @Test
    void aRedisOutageMidStreamLosesNoOrchestratedOrderAndShowsWhatHopsLoses(Summary summary)
            throws Exception {
        try (RedisServer redis = RedisServer.start();
                LocalApp app =
                        LocalApp.orders(Optional.of(redis.url()), Duration.ofSeconds(10), 4);
                EventObserver observer = new EventObserver(redis.port(), "orders.events")) {
            assertTrue(
                    app.app.redisTrigger().orElseThrow().awaitSubscribed(Duration.ofSeconds(10)),
                    "the relays subscribed");
            observer.awaitSubscriptionAfter(0, Duration.ofSeconds(10));
            warmUp(app);

            // Senders hold the read lock for each request; the restart takes the write lock, so no
            // request is in flight while Redis comes back and the observer resubscribes: every
            // event
            // published after the restart is one the observer can see.
            ReentrantReadWriteLock restart = new ReentrantReadWriteLock();
            Stream orchestrated = new Stream("orc", "/orders", app, restart);
            Stream hops = new Stream("hop", "/hops/orders", app, restart);
            ExecutorService senders = Executors.newFixedThreadPool(2);
            Future<?> a = senders.submit(orchestrated);
            Future<?> b = senders.submit(hops);

            Thread.sleep(BEFORE_OUTAGE.toMillis());
            redis.stop();
            Thread.sleep(OUTAGE.toMillis());
            restart.writeLock().lock();
            try {
                int before = observer.subscriptions();
                redis.startAgain();
                observer.awaitSubscriptionAfter(before, Duration.ofSeconds(10));
            } finally {
                restart.writeLock().unlock();
            }
            Thread.sleep(AFTER_OUTAGE.toMillis());
            orchestrated.stop = true;
            hops.stop = true;
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            senders.shutdown();
            observer.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(15));

            OrderTally orc = orchestrated.tally(observer);
            OrderTally hop = hops.tally(observer);
            summary.put("redis-faults", "outages injected", 1);
            summary.put("redis-faults", "orchestrated", orc.figures());
            summary.put("redis-faults", "hops", hop.figures());
            summary.put(
                    "redis-faults",
                    "hops relay calls that failed",
                    app.app.redisTrigger().orElseThrow().failed());

            assertEquals(0, orc.lost, "orchestrated orders lost silently: " + orc);
            assertEquals(0, orc.duplicated, "orchestrated orders duplicated: " + orc);
            assertTrue(
                    orc.reportedFailed > 0,
                    "the outage was seen by orchestrated callers (502): " + orc);
            assertTrue(
                    orc.completed > 0
                            && orc.completed + orc.rejected + orc.reportedFailed == orc.sent,
                    orc.toString());
            assertEquals(0, hop.duplicated, "pub/sub never delivers twice: " + hop);
            // At-most-once, measured: 202 was answered for orders that never produced an event.
            assertTrue(hop.lost > 0, "the hops wiring lost orders across the outage: " + hop);
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
     * Sends orders one after another at a fixed pace through one route, remembering each answer.
     */
    static final class Stream implements java.util.concurrent.Callable<Void> {
        final String prefix;
        final String route;
        final LocalApp app;
        final ReentrantReadWriteLock restart;
        final List<String> ids = new ArrayList<>();
        final Map<String, Boolean> accepted = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean stop;

        Stream(String prefix, String route, LocalApp app, ReentrantReadWriteLock restart) {
            this.prefix = prefix;
            this.route = route;
            this.app = app;
            this.restart = restart;
        }

        @Override
        public Void call() throws Exception {
            for (int i = 0; !stop; i++) {
                String id = prefix + "-" + i;
                ids.add(id);
                restart.readLock().lock();
                try {
                    accepted.put(id, taken(app.post(route, order(id))));
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
         * reported failed.
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
