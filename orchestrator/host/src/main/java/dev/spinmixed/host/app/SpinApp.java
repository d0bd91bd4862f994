package dev.spinmixed.host.app;

import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.http.Router;
import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.HostFunctions;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Spin app: the HTTP trigger, the Redis trigger (only with a real Redis) and the outbound
 * host functions around one {@link GuestRuntime}.
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

    /**
     * @param redis a real Redis to use (the {@code --redis} URL, else {@code
     *     SPIN_VARIABLE_REDIS_ADDRESS}); empty for the embedded default
     * @param environment the process environment, for {@code SPIN_VARIABLE_*}
     */
    public record Options(
            InetSocketAddress listen,
            Optional<String> redis,
            HttpTriggerServer.Limits limits,
            Map<String, String> environment) {}

    private final SpinManifest manifest;
    private final Router router;
    private final List<RedisTriggerRunner.Subscription> subscriptions;
    private final EventSink sink;
    private final OutboundRedis redis;
    private final GuestRuntime runtime;
    private final HttpTriggerServer http;
    private final Optional<RedisTriggerRunner> redisTrigger;
    private final InetSocketAddress address;

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

        EventSink sink = new EventSink();
        OutboundRedis redis =
                new OutboundRedis(options.redis().isPresent(), allowed::get, triggerChannels, sink);
        GuestRuntime runtime = runtimes.apply(new HostFunctions(redis, variables));
        Router router = Router.build(manifest.httpTriggers());
        HttpTriggerServer http = new HttpTriggerServer(router, runtime, options.limits());
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
            RedisTriggerRunner runner =
                    new RedisTriggerRunner(runtime, subscriptions, options.limits()::deadline);
            runner.start();
            trigger = Optional.of(runner);
        } else if (!subscriptions.isEmpty()) {
            LOG.info(
                    "no Redis given: the Redis triggers ({}) are not started; routes that publish"
                            + " to them answer 503 (start with --redis redis://127.0.0.1:6379)",
                    triggerChannels);
        }
        return new SpinApp(
                manifest, router, subscriptions, sink, redis, runtime, http, trigger, bound);
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
                    "no Redis given: variable {} is {} (a reserved name nothing connects to;"
                            + " publishes stay in memory)",
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

    @Override
    public void close() {
        redisTrigger.ifPresent(RedisTriggerRunner::close);
        http.close();
        runtime.close();
        redis.close();
    }
}
