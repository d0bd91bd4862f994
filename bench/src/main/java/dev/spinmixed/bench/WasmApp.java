package dev.spinmixed.bench;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.app.LocalHost;
import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.Header;
import dev.spinmixed.host.runtime.HttpMethod;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.spinapp.AppLayout;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Spin app of apps/spin.toml running in this JVM on the host's own classes (SpinApp,
 * LinkedRuntime): {@link #order} calls the orchestrator's handle-request directly, in-process, with
 * the same host functions the HTTP route gets; with a Redis URL the Redis trigger runs the hops
 * wiring too.
 */
public final class WasmApp implements AutoCloseable {

    static final String ORCHESTRATOR = "orchestrator";
    private static final List<Header> JSON =
            List.of(new Header("content-type", "application/json"));

    private final LocalHost host;

    private WasmApp(LocalHost host) {
        this.host = host;
    }

    /**
     * Loads the manifest, links every triggered component in {@code mode} and starts the triggers.
     */
    public static WasmApp start(Path manifestFile, ExecutionMode mode, Optional<String> redis) {
        return start(manifestFile, mode, redis, SpinApp.RedisOptions.SPIN);
    }

    /** The same with Redis options, e.g. pooled outbound connections. */
    public static WasmApp start(
            Path manifestFile,
            ExecutionMode mode,
            Optional<String> redis,
            SpinApp.RedisOptions redisOptions) {
        return start(manifestFile, new LinkedRuntime.Settings(mode, 4), redis, redisOptions);
    }

    /** The same with the runtime's settings, e.g. a machine cache. */
    public static WasmApp start(
            Path manifestFile,
            LinkedRuntime.Settings settings,
            Optional<String> redis,
            SpinApp.RedisOptions redisOptions) {
        return new WasmApp(
                LocalHost.start(
                        manifestFile,
                        AppLayout.around(manifestFile),
                        settings,
                        new SpinApp.Options(
                                new InetSocketAddress("127.0.0.1", 0),
                                redis,
                                new HttpTriggerServer.Limits(1 << 20, Duration.ofSeconds(30), 8),
                                environment(redis),
                                redisOptions)));
    }

    /**
     * The process environment the app sees: {@code redis_host} (the Redis host:port the publishing
     * components may reach) follows the Redis in use, as {@code --redis} sets {@code
     * redis_address}.
     */
    static Map<String, String> environment(Optional<String> redis) {
        String address = redis.orElse(SpinApp.EMBEDDED_REDIS_ADDRESS);
        return Map.of("SPIN_VARIABLE_REDIS_HOST", address.substring(address.indexOf("://") + 3));
    }

    /** POST /orders handled by the orchestrator, without the HTTP server in between. */
    public GuestResponse order(byte[] body) {
        return host.runtime()
                .handleRequest(
                        ORCHESTRATOR, new GuestRequest(HttpMethod.POST, "/orders", JSON, body));
    }

    /** Where the host's start went (contract check, link, triggers). */
    public LocalHost.StartTimes startTimes() {
        return host.startTimes();
    }

    public InetSocketAddress address() {
        return host.spinApp().address();
    }

    @Override
    public void close() {
        host.close();
    }
}
