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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Spin's Redis trigger: one subscriber per Redis address, each on its own thread, calling {@code
 * handle-message} of every component bound to a channel for each message, one message at a time (so
 * in order per channel), each call under its component's deadline. A failing or overdue handler is
 * logged and counted and the subscriber goes on; a lost connection is retried until {@link
 * #close()}. Like Spin's, this is plain pub/sub: a message published while no subscriber listens is
 * gone.
 */
public final class RedisTriggerRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTriggerRunner.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /**
     * A resolved subscription: component {@code component} handles messages on {@code channel} at
     * {@code address}.
     */
    public record Subscription(String address, String channel, String component) {}

    private final GuestRuntime runtime;
    private final Function<String, Duration> deadlines;
    private final ExecutorService guestCalls;
    private final Map<String, Map<String, List<String>>> componentsByChannelByAddress =
            new LinkedHashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final CountDownLatch subscribed;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    /** Without deadlines: a handler may run as long as it likes. */
    public RedisTriggerRunner(GuestRuntime runtime, List<Subscription> subscriptions) {
        this(runtime, subscriptions, component -> Duration.ofMillis(Long.MAX_VALUE));
    }

    /**
     * @param deadlines each component's deadline for one {@code handle-message} call
     */
    public RedisTriggerRunner(
            GuestRuntime runtime,
            List<Subscription> subscriptions,
            Function<String, Duration> deadlines) {
        this.runtime = runtime;
        this.deadlines = deadlines;
        AtomicInteger n = new AtomicInteger();
        this.guestCalls =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "guest-redis-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        for (Subscription s : subscriptions) {
            componentsByChannelByAddress
                    .computeIfAbsent(s.address(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(s.channel(), c -> new ArrayList<>())
                    .add(s.component());
        }
        subscribed = new CountDownLatch(componentsByChannelByAddress.size());
    }

    public void start() {
        componentsByChannelByAddress.forEach(
                (address, byChannel) -> {
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
        guestCalls.shutdownNow();
    }

    /**
     * handle-message off the subscriber's thread, so a guest stuck past its deadline is interrupted
     * and the subscriber goes on.
     */
    private boolean handle(String component, byte[] message)
            throws InterruptedException, ExecutionException, TimeoutException {
        Future<Boolean> call = guestCalls.submit(() -> runtime.handleMessage(component, message));
        try {
            return call.get(deadlines.apply(component).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            call.cancel(true);
            throw e;
        }
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
            byte[][] channels =
                    componentsByChannel.keySet().stream()
                            .map(c -> c.getBytes(StandardCharsets.UTF_8))
                            .toArray(byte[][]::new);
            while (running) {
                try (UnifiedJedis c = RedisClient.create(URI.create(address))) {
                    client = c;
                    LOG.info(
                            "Redis trigger: subscribing to {} on {}",
                            componentsByChannel.keySet(),
                            address);
                    c.subscribe(this, channels);
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warn(
                                "Redis trigger on {}: {}; retrying in {} ms",
                                address,
                                e.getMessage(),
                                RETRY.toMillis());
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
                    if (handle(component, message)) {
                        handled.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        LOG.warn(
                                "component '{}' returned an error for a message on '{}' ({} bytes)",
                                component,
                                channel,
                                message.length);
                    }
                } catch (TimeoutException e) {
                    failed.incrementAndGet();
                    LOG.error(
                            "component '{}' did not handle a message on '{}' within its deadline of"
                                    + " {} ms; the call was interrupted",
                            component,
                            channel,
                            deadlines.apply(component).toMillis());
                } catch (ExecutionException e) {
                    failed.incrementAndGet();
                    LOG.error(
                            "component '{}' failed on a message on '{}' ({} bytes)",
                            component,
                            channel,
                            message.length,
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
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
