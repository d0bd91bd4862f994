package dev.spinmixed.tests.support;

import dev.spinmixed.host.redis.LocalRedisServer;
import java.io.IOException;

/**
 * A real {@code redis-server} on a loopback port (the host's {@link LocalRedisServer}) that can be
 * stopped and started again on the same port: a Redis outage. A missing redis-server is an error
 * that says so (./run setup installs it): tests fail, they never skip.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private LocalRedisServer server;

    private RedisServer(int port) {
        this.port = port;
    }

    /** On a free loopback port; returns once the server answers PING. */
    public static RedisServer start() throws IOException, InterruptedException {
        return start(LocalRedisServer.freePort());
    }

    /** On a given port, e.g. to bring a server back where its clients expect it. */
    public static RedisServer start(int port) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(port);
        server.startAgain();
        return server;
    }

    public static int freePort() throws IOException {
        return LocalRedisServer.freePort();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server on this port and waits until it answers PING. */
    public synchronized void startAgain() throws IOException, InterruptedException {
        server = LocalRedisServer.start(port);
    }

    /**
     * Stops redis-server (SIGTERM, as an orchestrator would); its clients see the connection drop.
     */
    public synchronized void stop() throws InterruptedException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
