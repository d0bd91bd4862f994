package dev.spinmixed.host.redis;

import dev.spinmixed.host.runtime.GuestRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

/**
 * Spin's Redis trigger (Spin 3.6.3 {@code crates/trigger-redis/src/lib.rs}): one subscriber
 * connection per Redis address, on its own thread. Each message goes to {@code handle-message} of
 * every component bound to its channel at once, and the next message waits for them all (so
 * messages stay in order per channel); each call runs under its component's deadline (a limit of
 * this host; Spin has none). A handler that fails or overruns is logged and counted, and its
 * message is dropped: pub/sub is at most once.
 *
 * <p>A subscriber that cannot connect, or whose connection drops, ends the trigger as Spin's does
 * ({@code run_listener} returns "disconnected from ..."; containerd-shim-spin v0.24.0's {@code
 * run_trigger} then ends the process): {@link #ended()} completes exceptionally with a {@link
 * RedisTriggerException}. With {@code reconnect} (this host's option for local work) the subscriber
 * retries every second instead, and messages published meanwhile are lost.
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
    private final boolean reconnect;
    private final ExecutorService guestCalls;
    private final Map<String, Map<String, List<String>>> componentsByChannelByAddress =
            new LinkedHashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final CountDownLatch subscribed;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param deadlines each component's deadline for one {@code handle-message} call
     * @param reconnect retry a lost connection instead of ending the trigger
     */
    public RedisTriggerRunner(
            GuestRuntime runtime,
            List<Subscription> subscriptions,
            Function<String, Duration> deadlines,
            boolean reconnect) {
        this.runtime = runtime;
        this.deadlines = deadlines;
        this.reconnect = reconnect;
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

    /**
     * Starts one subscriber per address.
     *
     * @throws RedisTriggerException for an address that is not a {@code redis://} URL
     */
    public void start() {
        componentsByChannelByAddress.forEach(
                (address, byChannel) -> {
                    RedisUrl url =
                            RedisUrl.parse(address)
                                    .orElseThrow(
                                            () ->
                                                    new RedisTriggerException(
                                                            "Redis trigger address is not a"
                                                                    + " redis://host URL: "
                                                                    + address));
                    Subscriber s = new Subscriber(url, byChannel);
                    subscribers.add(s);
                    Thread t = new Thread(s::run, "redis-trigger-" + url.hostAndPort());
                    t.setDaemon(true);
                    t.start();
                });
    }

    /** Waits until every address has subscribed to all its channels. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Completes exceptionally with a {@link RedisTriggerException} when a subscriber could not
     * connect or lost its connection (never with {@code reconnect}); normally on {@link #close()}.
     */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Handler calls that returned ok. */
    public long handled() {
        return handled.get();
    }

    /** Handler calls that trapped, overran their deadline or returned {@code err}. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        subscribers.forEach(Subscriber::stop);
        guestCalls.shutdownNow();
        ended.complete(null);
    }

    private void end(RedisTriggerException why) {
        if (running) {
            running = false;
            LOG.error("{}", why.getMessage());
            subscribers.forEach(Subscriber::stop);
            guestCalls.shutdownNow();
            ended.completeExceptionally(why);
        }
    }

    private final class Subscriber extends BinaryJedisPubSub {
        private final RedisUrl url;
        private final Map<String, List<String>> componentsByChannel;
        private volatile Jedis client;
        private volatile boolean connected;
        private boolean counted;

        Subscriber(RedisUrl url, Map<String, List<String>> componentsByChannel) {
            this.url = url;
            this.componentsByChannel = componentsByChannel;
        }

        void run() {
            byte[][] channels =
                    componentsByChannel.keySet().stream()
                            .map(c -> c.getBytes(StandardCharsets.UTF_8))
                            .toArray(byte[][]::new);
            while (running) {
                connected = false;
                RuntimeException lost = null;
                try (Jedis c = new Jedis(url.uri())) {
                    client = c;
                    LOG.info(
                            "Redis trigger: subscribing to {} on {}",
                            componentsByChannel.keySet(),
                            url.hostAndPort());
                    c.subscribe(this, channels);
                } catch (RuntimeException e) {
                    lost = e;
                }
                if (!running) {
                    return;
                }
                String why = lost == null ? "the server ended the subscription" : lost.getMessage();
                if (!reconnect) {
                    end(
                            new RedisTriggerException(
                                    connected
                                            ? "Redis trigger: disconnected from "
                                                    + url.hostAndPort()
                                                    + " ("
                                                    + why
                                                    + ")"
                                            : "Redis trigger failed to connect to "
                                                    + url.hostAndPort()
                                                    + ": "
                                                    + why));
                    return;
                }
                LOG.warn(
                        "Redis trigger on {}: {}; retrying in {} ms (--redis-reconnect)",
                        url.hostAndPort(),
                        why,
                        RETRY.toMillis());
                sleep();
            }
        }

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            connected = true;
            if (subscribedChannels == componentsByChannel.size() && !counted) {
                counted = true;
                subscribed.countDown();
            }
        }

        @Override
        public void onMessage(byte[] channelBytes, byte[] message) {
            String channel = new String(channelBytes, StandardCharsets.UTF_8);
            List<String> components = componentsByChannel.getOrDefault(channel, List.of());
            List<Future<Boolean>> calls = new ArrayList<>();
            try {
                for (String component : components) {
                    calls.add(guestCalls.submit(() -> runtime.handleMessage(component, message)));
                }
            } catch (RejectedExecutionException e) {
                return; // the trigger is closing
            }
            long start = System.currentTimeMillis();
            for (int i = 0; i < calls.size(); i++) {
                String component = components.get(i);
                try {
                    long left =
                            deadlines.apply(component).toMillis()
                                    - (System.currentTimeMillis() - start);
                    if (calls.get(i).get(Math.max(0, left), TimeUnit.MILLISECONDS)) {
                        handled.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        LOG.warn(
                                "component '{}' handler failed: Redis handler returned an error"
                                        + " (a message on '{}', {} bytes, dropped)",
                                component,
                                channel,
                                message.length);
                    }
                } catch (TimeoutException e) {
                    calls.get(i).cancel(true);
                    failed.incrementAndGet();
                    LOG.error(
                            "component '{}' did not handle a message on '{}' within its deadline"
                                    + " of {} ms; the call was interrupted and the message dropped",
                            component,
                            channel,
                            deadlines.apply(component).toMillis());
                } catch (ExecutionException e) {
                    failed.incrementAndGet();
                    LOG.error(
                            "component '{}' handler failed on a message on '{}' ({} bytes,"
                                    + " dropped)",
                            component,
                            channel,
                            message.length,
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    calls.forEach(c -> c.cancel(true));
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
                LOG.debug(
                        "Redis trigger on {}: unsubscribe failed: {}",
                        url.hostAndPort(),
                        e.getMessage());
            }
            Jedis c = client;
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
