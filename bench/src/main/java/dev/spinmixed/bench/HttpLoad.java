package dev.spinmixed.bench;

import dev.spinmixed.tests.support.RedisServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput of the host ({@code spin-host up}, its own process, Chicory's runtime compiler,
 * events published to the real Redis, a connection per publish as in Spin unless {@code pooled}) on
 * POST /orders, loaded by wrk over loopback for a bounded time. A missing wrk is an error that says
 * so.
 */
public final class HttpLoad {

    /**
     * What wrk reported: {@code non2xx} answers (a broken route) apart from socket errors and
     * timeouts (an overloaded machine).
     */
    public record Figures(
            double requestsPerSecond,
            double p50Ms,
            double p90Ms,
            double p99Ms,
            long requests,
            long non2xx,
            long socketErrors,
            int connections,
            int seconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orders_per_s", requestsPerSecond);
            m.put("p50_ms", p50Ms);
            m.put("p90_ms", p90Ms);
            m.put("p99_ms", p99Ms);
            m.put("requests", requests);
            m.put("non_2xx", non2xx);
            m.put("socket_errors", socketErrors);
            m.put("connections", connections);
            m.put("seconds", seconds);
            return m;
        }
    }

    private HttpLoad() {}

    public static Figures run(
            Path manifest, RedisServer redis, boolean quick, boolean pooled, Path workDir)
            throws IOException, InterruptedException {
        int port = RedisServer.freePort();
        int seconds = quick ? 2 : 15;
        int connections = 16;
        List<String> command = new ArrayList<>(List.of(ColdStart.javaBinary()));
        command.addAll(List.of(BenchMain.jvmFlags()));
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.spinmixed.host.SpinHostCli",
                        "up",
                        "--listen",
                        "127.0.0.1:" + port,
                        "--from",
                        manifest.toAbsolutePath().toString(),
                        "--mode",
                        "compiled",
                        "--redis",
                        redis.url(),
                        "--max-instances",
                        "4"));
        if (pooled) {
            command.add("--redis-pool");
        }
        ProcessBuilder hostProcess =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve(logName(pooled)).toFile());
        hostProcess.environment().putAll(WasmApp.environment(java.util.Optional.of(redis.url())));
        Process host = hostProcess.start();
        try {
            String url = "http://127.0.0.1:" + port + "/orders";
            awaitReady(url, host, workDir.resolve(logName(pooled)));
            Path script = workDir.resolve("post-order.lua");
            Files.writeString(
                    script,
                    "wrk.method = \"POST\"\n"
                            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                            + "wrk.body = [["
                            + SampleOrders.TYPICAL
                            + "]]\n",
                    StandardCharsets.UTF_8);
            wrk(script, url, quick ? 1 : 20, connections);
            return parse(wrk(script, url, seconds, connections), connections, seconds);
        } finally {
            host.destroy();
            host.waitFor();
        }
    }

    private static String logName(boolean pooled) {
        return pooled ? "host-pooled.log" : "host.log";
    }

    private static void awaitReady(String url, Process host, Path log)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                HttpResponse<String> r =
                        client.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        SampleOrders.TYPICAL))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException(
                        "the host answered " + r.statusCode() + " to the timed order: " + r.body());
            } catch (IOException notYet) {
                if (!host.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the host did not come up on " + url + " (log: " + log + ")");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String wrk(Path script, String url, int seconds, int connections)
            throws IOException, InterruptedException {
        Process p;
        try {
            p =
                    new ProcessBuilder(
                                    List.of(
                                            "wrk",
                                            "-t1",
                                            "-c" + connections,
                                            "-d" + seconds + "s",
                                            "--latency",
                                            "-s",
                                            script.toString(),
                                            url))
                            .redirectErrorStream(true)
                            .start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run wrk (install the Debian package wrk): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return out;
    }

    static Figures parse(String out, int connections, int seconds) {
        double rate = Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)"));
        long requests = Long.parseLong(find(out, "([0-9]+) requests in"));
        long non2xx = optional(out, "Non-2xx or 3xx responses:\\s+([0-9]+)");
        long socketErrors = 0;
        Matcher socket =
                Pattern.compile(
                                "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+),"
                                        + " timeout ([0-9]+)")
                        .matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Figures(
                rate,
                millis(find(out, "\\s50%\\s+([0-9.]+[a-z]+)")),
                millis(find(out, "\\s90%\\s+([0-9.]+[a-z]+)")),
                millis(find(out, "\\s99%\\s+([0-9.]+[a-z]+)")),
                requests,
                non2xx,
                socketErrors,
                connections,
                seconds);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("wrk output has no match for " + regex + ":\n" + text);
        }
        return m.group(1);
    }

    private static long optional(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** wrk prints 812.00us, 1.20ms or 2.01s. */
    private static double millis(String value) {
        Matcher m = Pattern.compile("([0-9.]+)([a-z]+)").matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("not a wrk duration: " + value);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalStateException("not a wrk duration: " + value);
        };
    }
}
