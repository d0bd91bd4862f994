package dev.spinmixed.host.app;

import dev.spinmixed.host.http.AppInfo;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.http.Router;
import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Spin app: the HTTP trigger, the Redis trigger (only with a real Redis) and the outbound
 * host functions around one {@link GuestRuntime}. When the Redis trigger ends (its connection is
 * lost), the whole app ends, as the Spin process does under containerd-shim-spin v0.24.0 ({@code
 * run_trigger} returns as soon as one trigger returns): see {@link #ended()}.
 */
public final class SpinApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpinApp.class);

    /** The variable that {@code --redis} overrides, when the manifest declares it. */
    public static final String REDIS_ADDRESS_VARIABLE = "redis_address";

    /**
     * The same Redis as {@code host:port}, without credentials, for {@code allowed_outbound_hosts}
     * (which takes no user info); set from the same URL when the manifest declares it.
     */
    public static final String REDIS_HOST_VARIABLE = "redis_host";

    /**
     * The value of a required {@code redis_address} without Redis: {@code .invalid} never resolves,
     * so it cannot reach anything.
     */
    public static final String EMBEDDED_REDIS_ADDRESS = "redis://in-memory.invalid:6379";

    /** How long {@link #start} waits for the Redis trigger's first subscription. */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What the host does with Redis beyond Spin's defaults.
     *
     * @param reconnect the Redis trigger retries a lost connection instead of ending the app
     * @param pooled outbound Redis reuses pooled connections instead of one per call
     */
    public record RedisOptions(boolean reconnect, boolean pooled) {
        /** Spin's behaviour: the app ends with its Redis connection; a connection per call. */
        public static final RedisOptions SPIN = new RedisOptions(false, false);
    }

    /**
     * @param redis a real Redis to use; empty for the in-memory sink
     * @param environment the process environment, for {@code SPIN_VARIABLE_*}
     */
    public record Options(
            InetSocketAddress listen,
            Optional<String> redis,
            HttpTriggerServer.Limits limits,
            Map<String, String> environment,
            RedisOptions redisOptions) {

        /** With Spin's Redis behaviour. */
        public Options(
                InetSocketAddress listen,
                Optional<String> redis,
                HttpTriggerServer.Limits limits,
                Map<String, String> environment) {
            this(listen, redis, limits, environment, RedisOptions.SPIN);
        }
    }

    private final SpinManifest manifest;
    private final Router router;
    private final List<RedisTriggerRunner.Subscription> subscriptions;
    private final EventSink sink;
    private final OutboundRedis redis;
    private final GuestRuntime runtime;
    private final HttpTriggerServer http;
    private final Optional<RedisTriggerRunner> redisTrigger;
    private final InetSocketAddress address;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SpinApp(
            SpinManifest manifest,
            Router router,
            List<RedisTriggerRunner.Subscription> subscriptions,
            EventSink sink,
            OutboundRedis redis,
            GuestRuntime runtime,
            HttpTriggerServer http,
            Optional<RedisTriggerRunner> redisTrigger,
            InetSocketAddress address) {
        this.manifest = manifest;
        this.router = router;
        this.subscriptions = subscriptions;
        this.sink = sink;
        this.redis = redis;
        this.runtime = runtime;
        this.http = http;
        this.redisTrigger = redisTrigger;
        this.address = address;
    }

    /**
     * Starts the triggers. With a real Redis, returns once the Redis trigger has subscribed, unless
     * {@code reconnect} is set.
     *
     * @throws IllegalStateException when the Redis trigger cannot connect (as Spin fails to start)
     */
    public static SpinApp start(
            SpinManifest manifest,
            Function<HostFunctions, GuestRuntime> runtimes,
            Options options) {
        VariableResolver variables =
                VariableResolver.create(
                        manifest,
                        options.environment(),
                        variableOverrides(manifest, options.redis()));
        Map<String, AllowedOutboundHosts> allowed = allowedOutboundHosts(manifest, variables);
        List<RedisTriggerRunner.Subscription> subscriptions =
                manifest.redisTriggers().stream()
                        .map(
                                t ->
                                        new RedisTriggerRunner.Subscription(
                                                options.redis()
                                                        .orElseGet(
                                                                () ->
                                                                        variables.render(
                                                                                t.address()
                                                                                        .or(
                                                                                                manifest
                                                                                                        ::redisAddress)
                                                                                        .orElseThrow())),
                                                variables.render(t.channel()),
                                                t.component().orElseThrow()))
                        .toList();
        Set<String> triggerChannels = new LinkedHashSet<>();
        subscriptions.forEach(s -> triggerChannels.add(s.channel()));

        Router router = Router.build(manifest.httpTriggers());
        EventSink sink = new EventSink();
        OutboundRedis redis =
                new OutboundRedis(
                        options.redis().isEmpty()
                                ? OutboundRedis.Mode.IN_MEMORY
                                : options.redisOptions().pooled()
                                        ? OutboundRedis.Mode.POOLED
                                        : OutboundRedis.Mode.CONNECTION_PER_CALL,
                        allowed::get,
                        triggerChannels,
                        sink);
        GuestRuntime runtime = runtimes.apply(new HostFunctions(redis, variables));
        HttpTriggerServer http =
                new HttpTriggerServer(
                        router,
                        runtime,
                        AppInfo.of(manifest.application().name(), manifest.application().version()),
                        options.limits());
        InetSocketAddress bound;
        try {
            bound = http.start(options.listen());
        } catch (RuntimeException e) {
            runtime.close();
            redis.close();
            throw e;
        }
        Optional<RedisTriggerRunner> trigger = Optional.empty();
        if (options.redis().isPresent() && !subscriptions.isEmpty()) {
            trigger =
                    Optional.of(
                            new RedisTriggerRunner(
                                    runtime,
                                    subscriptions,
                                    options.limits()::deadline,
                                    options.redisOptions().reconnect()));
        } else if (!subscriptions.isEmpty()) {
            LOG.info(
                    "no Redis (--no-redis): the Redis triggers ({}) are not started; routes that"
                            + " publish to them answer 503",
                    triggerChannels);
        }
        SpinApp app =
                new SpinApp(
                        manifest,
                        router,
                        subscriptions,
                        sink,
                        redis,
                        runtime,
                        http,
                        trigger,
                        bound);
        trigger.ifPresent(t -> app.startRedisTrigger(t, options.redisOptions().reconnect()));
        return app;
    }

    private void startRedisTrigger(RedisTriggerRunner trigger, boolean reconnect) {
        trigger.ended()
                .whenComplete(
                        (ok, failure) -> {
                            if (failure != null) {
                                ended.completeExceptionally(failure);
                                close();
                            }
                        });
        try {
            trigger.start();
            if (!reconnect) {
                awaitFirstSubscription(trigger);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the Redis trigger subscribed", e);
        }
    }

    private static void awaitFirstSubscription(RedisTriggerRunner trigger)
            throws InterruptedException {
        long end = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
        while (!trigger.awaitSubscribed(Duration.ofMillis(20))) {
            if (trigger.ended().isCompletedExceptionally()) {
                try {
                    trigger.ended().join();
                } catch (CompletionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(
                        "the Redis trigger did not subscribe within " + SUBSCRIBE_TIMEOUT);
            }
        }
    }

    /**
     * The variables the host sets: {@code redis_address} is the given Redis and {@code redis_host}
     * its host:port; without one, a required {@code redis_address} gets {@link
     * #EMBEDDED_REDIS_ADDRESS} so the app still loads.
     */
    public static Map<String, String> variableOverrides(
            SpinManifest manifest, Optional<String> redis) {
        Map<String, String> overrides = new HashMap<>();
        boolean declaresAddress = manifest.variables().containsKey(REDIS_ADDRESS_VARIABLE);
        Optional<String> address = redis;
        if (redis.isEmpty()
                && declaresAddress
                && manifest.variables().get(REDIS_ADDRESS_VARIABLE).defaultValue().isEmpty()) {
            address = Optional.of(EMBEDDED_REDIS_ADDRESS);
            LOG.info(
                    "no Redis (--no-redis): variable {} is {} (a reserved name nothing connects"
                            + " to; publishes stay in memory)",
                    REDIS_ADDRESS_VARIABLE,
                    EMBEDDED_REDIS_ADDRESS);
        }
        address.filter(a -> declaresAddress)
                .ifPresent(a -> overrides.put(REDIS_ADDRESS_VARIABLE, a));
        address.filter(a -> manifest.variables().containsKey(REDIS_HOST_VARIABLE))
                .ifPresent(a -> overrides.put(REDIS_HOST_VARIABLE, hostAndPort(a)));
        return overrides;
    }

    /**
     * {@code redis://[:password@]host[:port]} -> {@code host:port} (6379 when the URL has no port).
     */
    static String hostAndPort(String redisUrl) {
        URI uri;
        try {
            uri = new URI(redisUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Redis address \"" + redisUrl + "\" is not a URL like redis://127.0.0.1:6379",
                    e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Redis address \"" + redisUrl + "\" has no host (expected redis://host:port)");
        }
        return uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort() : 6379);
    }

    /**
     * Each component's allowed_outbound_hosts with templates rendered; a malformed entry is a
     * manifest error.
     */
    public static Map<String, AllowedOutboundHosts> allowedOutboundHosts(
            SpinManifest manifest, VariableResolver variables) {
        Map<String, AllowedOutboundHosts> allowed = new HashMap<>();
        for (ManifestComponent c : manifest.components().values()) {
            try {
                allowed.put(
                        c.id(),
                        AllowedOutboundHosts.parse(
                                c.allowedOutboundHosts().stream().map(variables::render).toList()));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(
                        manifest.file()
                                + ": component."
                                + c.id()
                                + ".allowed_outbound_hosts: "
                                + e.getMessage(),
                        e);
            }
        }
        return allowed;
    }

    public InetSocketAddress address() {
        return address;
    }

    public SpinManifest manifest() {
        return manifest;
    }

    public Router router() {
        return router;
    }

    public List<RedisTriggerRunner.Subscription> subscriptions() {
        return subscriptions;
    }

    /** Where publishes go without Redis. */
    public EventSink sink() {
        return sink;
    }

    /** The Redis trigger, running only when a real Redis was given. */
    public Optional<RedisTriggerRunner> redisTrigger() {
        return redisTrigger;
    }

    /** How outbound Redis calls go. */
    public OutboundRedis.Mode outboundRedis() {
        return redis.mode();
    }

    /**
     * Completes exceptionally with a {@link dev.spinmixed.host.redis.RedisTriggerException} when
     * the Redis trigger ended the app (it has then closed itself); normally on {@link #close()}.
     */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            redisTrigger.ifPresent(RedisTriggerRunner::close);
            http.close();
            runtime.close();
            redis.close();
        }
        ended.complete(null);
    }
}
