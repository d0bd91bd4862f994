package dev.spinmixed.bench;

import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.tests.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * The two wirings against a real redis-server, both timed from the order's start to its final event
 * seen by a subscriber of the events channel:
 *
 * <ul>
 *   <li>hops: the order is published to the validate channel (what the ingress does); each relay is
 *       a Redis-trigger call that publishes to the next channel; three hops and the event;
 *   <li>orchestrated: handle-request in-process, whose one publish is the event.
 * </ul>
 *
 * Both run on Chicory's runtime compiler in one app. Throughput of the hops wiring is also measured
 * with a burst of orders in flight. Outbound Redis opens a connection per call, as Spin's v1
 * interface does, unless {@code pooled}.
 */
public final class HopsRun {

    static final String VALIDATE_CHANNEL = "orders.validate";
    static final String EVENTS_CHANNEL = "orders.events";
    private static final long EVENT_TIMEOUT_SECONDS = 10;

    /**
     * Latencies of both wirings and the hops wiring's throughput with {@code burst} orders in
     * flight.
     */
    public record Figures(
            Latency hops,
            Latency orchestratedWithEvent,
            double hopsBurstOrdersPerSecond,
            int burst) {}

    private HopsRun() {}

    public static Figures run(Path manifest, RedisServer redis, boolean quick, boolean pooled)
            throws InterruptedException {
        long warmupNanos = TimeUnit.SECONDS.toNanos(quick ? 1 : 20);
        int samples = quick ? 200 : 5000;
        int burst = quick ? 100 : 2000;
        byte[] order = SampleOrders.typical();
        byte[] validateChannel = VALIDATE_CHANNEL.getBytes(StandardCharsets.UTF_8);
        BlockingQueue<String> events = new ArrayBlockingQueue<>(burst * 2);
        EventListener listener = new EventListener(events);
        Thread subscriber =
                new Thread(
                        () -> {
                            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                                jedis.subscribe(listener, EVENTS_CHANNEL);
                            }
                        },
                        "bench-events-subscriber");
        subscriber.setDaemon(true);
        subscriber.start();
        try (WasmApp app =
                        WasmApp.start(
                                manifest,
                                ExecutionMode.COMPILED,
                                Optional.of(redis.url()),
                                new SpinApp.RedisOptions(false, pooled));
                Jedis publisher = new Jedis("127.0.0.1", redis.port())) {
            listener.awaitSubscribed();
            awaitTriggerSubscribed(publisher);
            Latency hops =
                    time(
                            warmupNanos,
                            samples,
                            events,
                            () -> publisher.publish(validateChannel, order));
            Latency orchestrated =
                    time(
                            warmupNanos,
                            samples,
                            events,
                            () -> requireCompleted(app.order(order).status()));
            long start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                publisher.publish(validateChannel, order);
            }
            for (int i = 0; i < burst; i++) {
                takeEvent(events);
            }
            double burstRate = burst / ((System.nanoTime() - start) / 1e9);
            return new Figures(hops, orchestrated, burstRate, burst);
        } finally {
            listener.unsubscribe();
        }
    }

    private static void requireCompleted(int status) {
        if (status != 200) {
            throw new IllegalStateException(
                    "the orchestrator answered " + status + " to the timed order; expected 200");
        }
    }

    /**
     * The Redis trigger subscribes on its own thread: wait until the validate channel has a
     * subscriber.
     */
    private static void awaitTriggerSubscribed(Jedis jedis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jedis.pubsubNumSub(VALIDATE_CHANNEL).getOrDefault(VALIDATE_CHANNEL, 0L) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the app's Redis trigger never subscribed to " + VALIDATE_CHANNEL);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Warms up for {@code warmupNanos} (HotSpot must compile Chicory's generated code first), then
     * samples.
     */
    private static Latency time(
            long warmupNanos, int samples, BlockingQueue<String> events, Runnable send)
            throws InterruptedException {
        long warm = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warm) {
            send.run();
            takeEvent(events);
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            send.run();
            takeEvent(events);
            nanos[i] = System.nanoTime() - start;
        }
        return Latency.ofNanos(nanos);
    }

    private static void takeEvent(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
            throw new IllegalStateException(
                    "no event on " + EVENTS_CHANNEL + " within " + EVENT_TIMEOUT_SECONDS + " s");
        }
        if (!event.startsWith("{\"event\":\"order-completed\"")) {
            throw new IllegalStateException("the timed order did not complete: " + event);
        }
    }

    /** Queues every event; counts down once subscribed. */
    private static final class EventListener extends JedisPubSub {
        private final BlockingQueue<String> events;
        private final java.util.concurrent.CountDownLatch subscribed =
                new java.util.concurrent.CountDownLatch(1);

        EventListener(BlockingQueue<String> events) {
            this.events = events;
        }

        @Override
        public void onSubscribe(String channel, int count) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            events.add(message);
        }

        void awaitSubscribed() throws InterruptedException {
            if (!subscribed.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "the benchmark could not subscribe to " + EVENTS_CHANNEL);
            }
        }
    }

    static Map<String, Object> toMap(Figures f) {
        return Map.of(
                "hops",
                f.hops().toMap(),
                "orchestrated_with_redis_event",
                f.orchestratedWithEvent().toMap(),
                "hops_burst_orders_per_s",
                f.hopsBurstOrdersPerSecond(),
                "hops_burst_size",
                f.burst());
    }
}
