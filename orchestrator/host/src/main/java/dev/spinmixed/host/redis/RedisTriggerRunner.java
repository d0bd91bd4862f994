package dev.spinmixed.host.redis;

import dev.spinmixed.host.runtime.GuestRuntime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Spin's Redis trigger: one subscriber per Redis address, each on its own thread, calling
 * {@code handle-message} of every component bound to a channel for each message, one message at a
 * time (so in order per channel). A failing handler is logged and counted and the subscriber goes
 * on; a lost connection is retried until {@link #close()}. Like Spin's, this is plain pub/sub:
 * a message published while no subscriber listens is gone.
 */
public final class RedisTriggerRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTriggerRunner.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** A resolved subscription: component {@code component} handles messages on {@code channel} at {@code address}. */
    public record Subscription(String address, String channel, String component) {}

    private final GuestRuntime runtime;
    private final Map<String, Map<String, List<String>>> componentsByChannelByAddress = new LinkedHashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final CountDownLatch subscribed;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    public RedisTriggerRunner(GuestRuntime runtime, List<Subscription> subscriptions) {
        this.runtime = runtime;
        for (Subscription s : subscriptions) {
            componentsByChannelByAddress.computeIfAbsent(s.address(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(s.channel(), c -> new ArrayList<>())
                    .add(s.component());
        }
        subscribed = new CountDownLatch(componentsByChannelByAddress.size());
    }

    public void start() {
        componentsByChannelByAddress.forEach((address, byChannel) -> {
            Subscriber s = new Subscriber(address, byChannel);
            subscribers.add(s);
            Thread t = new Thread(s::run, "redis-trigger-" + address);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits until every address has subscribed to all its channels. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handler calls that returned ok. */
    public long handled() {
        return handled.get();
    }

    /** Handler calls that trapped or returned {@code err}. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        subscribers.forEach(Subscriber::stop);
    }

    private final class Subscriber extends BinaryJedisPubSub {
        private final String address;
        private final Map<String, List<String>> componentsByChannel;
        private volatile UnifiedJedis client;
        private boolean counted;

        Subscriber(String address, Map<String, List<String>> componentsByChannel) {
            this.address = address;
            this.componentsByChannel = componentsByChannel;
        }

        void run() {
            byte[][] channels = componentsByChannel.keySet().stream()
                    .map(c -> c.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            while (running) {
                try (UnifiedJedis c = RedisClient.create(URI.create(address))) {
                    client = c;
                    LOG.info("Redis trigger: subscribing to {} on {}", componentsByChannel.keySet(), address);
                    c.subscribe(this, channels);
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warn("Redis trigger on {}: {}; retrying in {} ms", address, e.getMessage(), RETRY.toMillis());
                        sleep();
                    }
                }
            }
        }

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            if (subscribedChannels == componentsByChannel.size() && !counted) {
                counted = true;
                subscribed.countDown();
            }
        }

        @Override
        public void onMessage(byte[] channelBytes, byte[] message) {
            String channel = new String(channelBytes, StandardCharsets.UTF_8);
            for (String component : componentsByChannel.getOrDefault(channel, List.of())) {
                try {
                    if (runtime.handleMessage(component, message)) {
                        handled.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        LOG.warn("component '{}' returned an error for a message on '{}' ({} bytes)", component, channel, message.length);
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.error("component '{}' failed on a message on '{}' ({} bytes)", component, channel, message.length, e);
                }
            }
        }

        void stop() {
            try {
                if (isSubscribed()) {
                    unsubscribe();
                }
            } catch (RuntimeException e) {
                LOG.debug("Redis trigger on {}: unsubscribe failed: {}", address, e.getMessage());
            }
            UnifiedJedis c = client;
            if (c != null) {
                c.close();
            }
        }

        private void sleep() {
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
