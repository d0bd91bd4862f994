package dev.spinmixed.tests.host;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.app.LocalHost;
import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.http.HttpTriggerServer;
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
 * A {@link SpinApp} on a free loopback port, run by the real linker, with an HTTP client for it.
 */
final class RunningApp implements AutoCloseable {

    final SpinApp app;
    final URI base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(SpinApp app) {
        this.app = app;
        this.base = URI.create("http://127.0.0.1:" + app.address().getPort());
    }

    static Path appsDir() {
        return Path.of(System.getProperty("apps.dir", "../../apps")).toAbsolutePath().normalize();
    }

    /** The built Orders app (apps/target/oci/spin.toml), with a real Redis or without. */
    static RunningApp orders(Optional<String> redis) {
        return orders(redis, ExecutionMode.INTERPRETER);
    }

    static RunningApp orders(Optional<String> redis, ExecutionMode mode) {
        return start(
                appsDir().resolve("target/oci/spin.toml"),
                AppLayout.of(appsDir()),
                redis,
                Duration.ofSeconds(30),
                Map.of(),
                mode,
                4);
    }

    static RunningApp start(
            Path manifestFile,
            AppLayout layout,
            Optional<String> redis,
            Duration deadline,
            Map<String, String> env) {
        return start(manifestFile, layout, redis, deadline, env, ExecutionMode.INTERPRETER, 4);
    }

    static RunningApp start(
            Path manifestFile,
            AppLayout layout,
            Optional<String> redis,
            Duration deadline,
            Map<String, String> env,
            ExecutionMode mode,
            int instances) {
        SpinApp app =
                LocalHost.start(
                                manifestFile,
                                layout,
                                new LinkedRuntime.Settings(mode, instances),
                                new SpinApp.Options(
                                        new InetSocketAddress("127.0.0.1", 0),
                                        redis,
                                        new HttpTriggerServer.Limits(1024 * 1024, deadline, 8),
                                        env))
                        .spinApp();
        return new RunningApp(app);
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
