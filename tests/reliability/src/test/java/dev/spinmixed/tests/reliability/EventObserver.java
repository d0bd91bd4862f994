package dev.spinmixed.tests.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Listens on the events channel like a downstream consumer would, through Redis outages (it
 * resubscribes every 20 ms until Redis is back), and records each event by order id.
 */
final class EventObserver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String channel;
    private final Map<String, List<String>> eventsByOrder = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicLong lastEventNanos = new AtomicLong(System.nanoTime());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile JedisPubSub current;

    EventObserver(int port, String channel) {
        this.port = port;
        this.channel = channel;
        this.thread = new Thread(this::run, "event-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                JedisPubSub pubSub =
                        new JedisPubSub() {
                            @Override
                            public void onSubscribe(String ch, int count) {
                                subscriptions.incrementAndGet();
                            }

                            @Override
                            public void onMessage(String ch, String message) {
                                record(message);
                            }
                        };
                current = pubSub;
                jedis.subscribe(pubSub, channel);
            } catch (RuntimeException e) {
                sleep(20);
            }
        }
    }

    private void record(String message) {
        try {
            JsonNode event = JSON.readTree(message);
            eventsByOrder
                    .computeIfAbsent(
                            event.path("orderId").asText(), k -> new CopyOnWriteArrayList<>())
                    .add(event.path("event").asText());
            lastEventNanos.set(System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "an event that is not JSON on " + channel + ": " + message, e);
        }
    }

    /** How many times the observer has subscribed so far (once per Redis lifetime). */
    int subscriptions() {
        return subscriptions.get();
    }

    /** Waits until the observer has subscribed more than {@code before} times. */
    void awaitSubscriptionAfter(int before, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (subscriptions.get() <= before) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(
                        "the event observer did not resubscribe within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until no event has arrived for {@code quiet}, at most {@code timeout}. */
    void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - lastEventNanos.get() < quiet.toNanos()
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    List<String> events(String orderId) {
        return eventsByOrder.getOrDefault(orderId, List.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub pubSub = current;
        if (pubSub != null && pubSub.isSubscribed()) {
            pubSub.unsubscribe();
        }
    }
}
