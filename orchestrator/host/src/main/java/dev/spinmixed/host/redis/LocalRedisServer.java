package dev.spinmixed.host.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.Jedis;

/**
 * A private {@code redis-server} (the one {@code ./run setup} installs) on a loopback port, without
 * persistence: what {@code up} starts when it is given no Redis, and what the tests and benchmarks
 * run against. {@link #close()} stops it (SIGTERM) and waits for it to exit.
 */
public final class LocalRedisServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final int port;
    private final Process process;
    private final Path log;

    private LocalRedisServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** On a free loopback port; returns once the server answers PING. */
    public static LocalRedisServer start() throws IOException, InterruptedException {
        return start(freePort());
    }

    /**
     * On a given loopback port; returns once the server answers PING.
     *
     * @throws IllegalStateException when redis-server is missing or does not come up, saying why
     */
    public static LocalRedisServer start(int port) throws IOException, InterruptedException {
        Path log = Files.createTempFile("redis-server-" + port, ".log");
        Process process;
        try {
            process =
                    new ProcessBuilder(
                                    "redis-server",
                                    "--port",
                                    Integer.toString(port),
                                    "--bind",
                                    "127.0.0.1",
                                    "--save",
                                    "",
                                    "--appendonly",
                                    "no")
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new IllegalStateException(
                    "cannot start redis-server (./run setup installs it; or give --redis URL, or"
                            + " --no-redis): "
                            + e.getMessage(),
                    e);
        }
        LocalRedisServer server = new LocalRedisServer(port, process, log);
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return server;
                }
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    String output = Files.readString(log);
                    server.close();
                    throw new IllegalStateException(
                            "redis-server did not answer PING on 127.0.0.1:"
                                    + port
                                    + ": "
                                    + output);
                }
                Thread.sleep(20);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops redis-server (SIGTERM, as an orchestrator would) and waits until it has exited. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
