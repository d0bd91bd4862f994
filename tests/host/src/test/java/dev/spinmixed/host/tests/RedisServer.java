package dev.spinmixed.host.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} on a free loopback port, without persistence. A missing
 * redis-server is a failure (it is installed by ./run setup), never a skip.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return start(port);
    }

    /** On a given port, e.g. to bring a stopped server back where its clients expect it. */
    public static RedisServer start(int port) throws IOException, InterruptedException {
        Path log = Files.createTempFile("redis-server-" + port, ".log");
        Process p;
        try {
            p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed (./run setup installs it): " + e.getMessage(), e);
        }
        RedisServer server = new RedisServer(p, port, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return server;
                }
            } catch (RuntimeException notYet) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    server.close();
                    throw new IllegalStateException("redis-server did not answer PING on port " + port + ": " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            Files.deleteIfExists(log);
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }
}
