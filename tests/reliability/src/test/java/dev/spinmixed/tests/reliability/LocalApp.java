package dev.spinmixed.tests.reliability;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.app.LocalHost;
import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.spinapp.AppLayout;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SpinApp} started in-process on a free loopback port (what {@code ./run up} serves),
 * keeping hold of its {@link LinkedRuntime} so tests can count live instance sets.
 */
final class LocalApp implements AutoCloseable {

    static final long MAX_BODY = 1024 * 1024;

    final SpinApp app;
    final LinkedRuntime runtime;
    final URI base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalApp(SpinApp app, LinkedRuntime runtime) {
        this.app = app;
        this.runtime = runtime;
        this.base = URI.create("http://127.0.0.1:" + app.address().getPort());
    }

    static Path appsDir() {
        return Path.of(System.getProperty("apps.dir", "../../apps")).toAbsolutePath().normalize();
    }

    static Path testGuests() {
        return Path.of(System.getProperty("test.guests", "target/test-guests"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The built Orders app (apps/target/oci/spin.toml), compiled, with a real Redis or the embedded
     * default.
     */
    static LocalApp orders(Optional<String> redis, Duration deadline, int instances) {
        return orders(redis, deadline, instances, 0, SpinApp.RedisOptions.SPIN);
    }

    /** The built Orders app on a given loopback port (0: a free one), with these Redis options. */
    static LocalApp orders(
            Optional<String> redis,
            Duration deadline,
            int instances,
            int port,
            SpinApp.RedisOptions redisOptions) {
        return start(
                appsDir().resolve("target/oci/spin.toml"),
                AppLayout.of(appsDir()),
                redis,
                GuestLimits.uniform(deadline, LinkedRuntime.DEFAULT_MAX_MEMORY_BYTES),
                ExecutionMode.COMPILED,
                instances,
                port,
                redisOptions);
    }

    static LocalApp start(
            Path manifestFile,
            AppLayout layout,
            Optional<String> redis,
            GuestLimits limits,
            ExecutionMode mode,
            int instances) {
        return start(
                manifestFile, layout, redis, limits, mode, instances, 0, SpinApp.RedisOptions.SPIN);
    }

    private static LocalApp start(
            Path manifestFile,
            AppLayout layout,
            Optional<String> redis,
            GuestLimits limits,
            ExecutionMode mode,
            int instances,
            int port,
            SpinApp.RedisOptions redisOptions) {
        LocalHost host =
                LocalHost.start(
                        manifestFile,
                        layout,
                        new LinkedRuntime.Settings(mode, instances, limits),
                        new SpinApp.Options(
                                new InetSocketAddress("127.0.0.1", port),
                                redis,
                                new HttpTriggerServer.Limits(
                                        MAX_BODY,
                                        limits.defaultDeadline(),
                                        instances * 2,
                                        limits.deadlines()),
                                Map.of(),
                                redisOptions));
        return new LocalApp(host.spinApp(), host.runtime());
    }

    /** Live instance sets of all components together. */
    int liveInstanceSets() {
        return runtime.liveInstanceSets().values().stream().mapToInt(Integer::intValue).sum();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(
                request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.close();
    }
}
