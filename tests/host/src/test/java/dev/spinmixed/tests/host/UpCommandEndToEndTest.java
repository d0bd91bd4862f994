package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.host.redis.LocalRedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * {@code spin-host up} as {@code ./run up} runs it, in a process of its own: with no Redis option
 * it starts a private redis-server and serves both wirings on it, stops that server when it is
 * stopped, and ends with exit status 1 and the reason when its Redis goes away, as Spin's process
 * does.
 */
class UpCommandEndToEndTest {

    private static final Pattern PRIVATE_REDIS =
            Pattern.compile("a private redis-server at redis://127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A running {@code up} and what it printed. */
    static final class Up implements AutoCloseable {
        final Process process;
        final URI base;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = new ArrayList<>();
        int redisPort;

        Up(String... options) throws Exception {
            int port = LocalRedisServer.freePort();
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    "dev.spinmixed.host.SpinHostCli",
                                    "up",
                                    "--from",
                                    RunningApp.appsDir().resolve("target/oci/spin.toml").toString(),
                                    "--listen",
                                    "127.0.0.1:" + port,
                                    "--mode",
                                    "interpreted",
                                    "--max-instances",
                                    "2"));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("SPIN_VARIABLE_REDIS_ADDRESS");
            builder.environment().remove("SPIN_HTTP_LISTEN_ADDR");
            process = builder.start();
            base = URI.create("http://127.0.0.1:" + port);
            Thread reader =
                    new Thread(
                            () -> {
                                try (BufferedReader r =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        process.getInputStream(),
                                                        StandardCharsets.UTF_8))) {
                                    for (String l; (l = r.readLine()) != null; ) {
                                        lines.add(l);
                                    }
                                } catch (IOException e) {
                                    lines.add("(output lost: " + e.getMessage() + ")");
                                }
                            });
            reader.setDaemon(true);
            reader.start();
            awaitLine("Serving http://");
        }

        /** Waits for a line containing {@code text}, remembering what the process printed. */
        String awaitLine(String text) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < end) {
                String l = lines.poll(200, TimeUnit.MILLISECONDS);
                if (l != null) {
                    all.add(l);
                    Matcher m = PRIVATE_REDIS.matcher(l);
                    if (m.find()) {
                        redisPort = Integer.parseInt(m.group(1));
                    }
                    if (l.contains(text)) {
                        return l;
                    }
                } else if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("up never printed '" + text + "':\n" + String.join("\n", all));
        }

        String output() {
            lines.drainTo(all);
            return String.join("\n", all);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withNoOptionUpServesBothWiringsOnAPrivateRedisAndStopsItOnExit() throws Exception {
        int redisPort;
        try (Up up = new Up()) {
            redisPort = up.redisPort;
            assertTrue(redisPort > 0, "up said where its private redis-server is:\n" + up.output());
            CompletableFuture<String> event = new CompletableFuture<>();
            JedisPubSub events =
                    new JedisPubSub() {
                        @Override
                        public void onMessage(String channel, String message) {
                            if (message.contains("\"o-up-hops\"")) {
                                event.complete(message);
                            }
                        }
                    };
            Thread listener =
                    new Thread(
                            () -> {
                                try (Jedis j = new Jedis("127.0.0.1", redisPort)) {
                                    j.subscribe(events, "orders.events");
                                }
                            });
            listener.setDaemon(true);
            listener.start();
            while (!events.isSubscribed()) {
                Thread.sleep(10);
            }

            var orchestrated =
                    post(up.base, "/orders", OrdersAppEndToEndTest.ORDER.replace("o-1001", "o-up"));
            assertEquals(200, orchestrated.statusCode(), orchestrated.body());
            var hops =
                    post(
                            up.base,
                            "/hops/orders",
                            OrdersAppEndToEndTest.ORDER.replace("o-1001", "o-up-hops"));
            assertEquals(202, hops.statusCode(), hops.body());
            assertEquals(
                    "order-completed",
                    JSON.readTree(event.get(60, TimeUnit.SECONDS)).get("event").asText());
            events.unsubscribe();
        }
        assertThrows(
                JedisConnectionException.class,
                () -> {
                    try (Jedis j = new Jedis("127.0.0.1", redisPort)) {
                        j.ping();
                    }
                },
                "the private redis-server was stopped with up");
    }

    @Test
    void withNoRedisUpStartsNoRedisServerAndTheHopsRouteAnswers503() throws Exception {
        try (Up up = new Up("--no-redis")) {
            assertEquals(0, up.redisPort, "no private redis-server:\n" + up.output());
            var orchestrated =
                    post(up.base, "/orders", OrdersAppEndToEndTest.ORDER.replace("o-1001", "o-nr"));
            assertEquals(200, orchestrated.statusCode(), orchestrated.body());
            var hops = post(up.base, "/hops/orders", OrdersAppEndToEndTest.ORDER);
            assertEquals(503, hops.statusCode());
            assertEquals("", hops.body());
        }
    }

    @Test
    void whenItsRedisGoesAwayUpEndsWithStatus1AndSaysWhy() throws Exception {
        try (Up up = new Up()) {
            assertTrue(up.redisPort > 0, up.output());
            try (Jedis j = new Jedis("127.0.0.1", up.redisPort)) {
                j.sendCommand(Protocol.Command.SHUTDOWN, "NOSAVE");
            } catch (RuntimeException expected) {
                // the server closes the connection as it exits
            }
            assertTrue(up.process.waitFor(60, TimeUnit.SECONDS), "up ended:\n" + up.output());
            assertEquals(1, up.process.exitValue(), up.output());
            String said =
                    up.output()
                            .lines()
                            .filter(l -> l.startsWith("error: "))
                            .findFirst()
                            .orElseThrow(
                                    () -> new AssertionError("no error line:\n" + up.output()));
            assertTrue(
                    said.contains(
                            "error: Redis trigger: disconnected from 127.0.0.1:" + up.redisPort),
                    said);
            assertTrue(said.contains("--redis-reconnect"), said);
        }
    }
}
