package dev.spinmixed.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} on a loopback port, without persistence, that can be stopped and
 * started again on the same port (a Redis outage). A missing redis-server is an error that says so
 * (./run setup installs it): tests fail, they never skip.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private Process process;
    private Path log;

    private RedisServer(int port) {
        this.port = port;
    }

    /** On a free loopback port; returns once the server answers PING. */
    public static RedisServer start() throws IOException, InterruptedException {
        return start(freePort());
    }

    /** On a given port, e.g. to bring a server back where its clients expect it. */
    public static RedisServer start(int port) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(port);
        server.startAgain();
        return server;
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

    /** Starts redis-server on this port and waits until it answers PING. */
    public synchronized void startAgain() throws IOException, InterruptedException {
        log = Files.createTempFile("redis-server-" + port, ".log");
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
            throw new IllegalStateException(
                    "redis-server is not installed (./run setup installs it): " + e.getMessage(),
                    e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    String output = Files.readString(log);
                    stop();
                    throw new IllegalStateException(
                            "redis-server did not answer PING on port " + port + ": " + output);
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Stops redis-server (SIGTERM, as an orchestrator would); its clients see the connection drop.
     */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
