package dev.spinmixed.bench;

import dev.spinmixed.tests.support.RedisServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One order end to end over HTTP against its floor, on one host process ({@code spin-host up},
 * Chicory's runtime compiler, the real Redis with a connection per publish as in Spin), one client
 * on one keep-alive connection per route, the two routes alternating:
 *
 * <ul>
 *   <li>orchestrated: POST /orders, the pipeline in-process and its one publish (the event);
 *   <li>floor: POST /hops/orders, the hops ingress, which publishes the order once and answers 202.
 *       It is the app's component that does the least an order needs: the same HTTP trigger,
 *       request lowering and response lifting, one outbound Redis publish with its connection, and
 *       no step of the pipeline. What the orchestrated route costs above it is the pipeline.
 * </ul>
 *
 * The host serves the app's manifest without its Redis triggers, so that no relay picks up the
 * ingress's message and competes for the two cores while the floor is timed.
 */
public final class EndToEnd {

    /** Both routes' latencies from the client. */
    public record Figures(Latency orchestrated, Latency floor) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orchestrated", orchestrated.toMap());
            m.put("floor", floor.toMap());
            return m;
        }
    }

    private EndToEnd() {}

    public static Figures run(Path repo, RedisServer redis, boolean quick, Path workDir)
            throws IOException, InterruptedException {
        Path manifest = withoutRedisTriggers(repo.resolve("apps"), workDir);
        int port = RedisServer.freePort();
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
                        manifest.toString(),
                        "--app-dir",
                        repo.resolve("apps").toString(),
                        "--mode",
                        "compiled",
                        "--redis",
                        redis.url(),
                        "--max-instances",
                        "2"));
        Path log = workDir.resolve("host-end-to-end.log");
        ProcessBuilder hostProcess =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        hostProcess.environment().putAll(WasmApp.environment(Optional.of(redis.url())));
        Process host = hostProcess.start();
        byte[] order = SampleOrders.typical();
        try (Client orchestrated = Client.await(port, "/orders", order, 200, host, log);
                Client floor = Client.await(port, "/hops/orders", order, 202, host, log)) {
            long warm = System.nanoTime() + Duration.ofSeconds(quick ? 2 : 20).toNanos();
            while (System.nanoTime() < warm) {
                orchestrated.post();
                floor.post();
            }
            int samples = quick ? 300 : 5000;
            long[] a = new long[samples];
            long[] b = new long[samples];
            for (int i = 0; i < samples; i++) {
                a[i] = orchestrated.post();
                b[i] = floor.post();
            }
            return new Figures(Latency.ofNanos(a), Latency.ofNanos(b));
        } finally {
            host.destroy();
            host.waitFor();
        }
    }

    /**
     * A copy of the app's manifest without {@code [application.trigger.redis]} and the {@code
     * [[trigger.redis]]} tables, its sources pointing at the app's build.
     */
    static Path withoutRedisTriggers(Path appDir, Path workDir) throws IOException {
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        for (String line : Files.readAllLines(appDir.resolve("spin.toml"))) {
            String t = line.strip();
            if (t.startsWith("[")) {
                dropping = t.equals("[application.trigger.redis]") || t.equals("[[trigger.redis]]");
            }
            if (!dropping) {
                out.append(
                                line.replace(
                                        "source = \"target/",
                                        "source = \""
                                                + appDir.toAbsolutePath().resolve("target")
                                                + "/"))
                        .append('\n');
            }
        }
        Path manifest = workDir.resolve("floor-spin.toml");
        Files.writeString(manifest, out.toString());
        return manifest;
    }

    /** One keep-alive HTTP/1.1 connection posting one body to one route. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;
        private final int status;

        private Client(Socket socket, String path, byte[] body, int status) throws IOException {
            this.socket = socket;
            this.socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
            byte[] head =
                    String.format(
                                    Locale.ROOT,
                                    "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                                            + " application/json\r\nContent-Length: %d\r\n\r\n",
                                    path,
                                    body.length)
                            .getBytes(StandardCharsets.US_ASCII);
            this.request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            this.status = status;
        }

        /** Connects once the host listens and answers {@code status}; 90 s at most. */
        static Client await(int port, String path, byte[] body, int status, Process host, Path log)
                throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                try {
                    Client c = new Client(new Socket("127.0.0.1", port), path, body, status);
                    c.post();
                    return c;
                } catch (java.net.ConnectException notYet) {
                    if (!host.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the host did not come up on port " + port + " (log: " + log + ")");
                    }
                    Thread.sleep(100);
                }
            }
        }

        /** Posts once; the nanoseconds until the whole answer was read. */
        long post() throws IOException {
            long start = System.nanoTime();
            out.write(request);
            out.flush();
            String statusLine = line();
            int code = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Integer.parseInt(header.substring(colon + 1).strip());
                } else if (name.equals("transfer-encoding")) {
                    throw new IOException("the host answered with " + header + ", not a length");
                }
            }
            if (length < 0) {
                throw new IOException("the host's answer has no Content-Length");
            }
            byte[] answer = in.readNBytes(length);
            long elapsed = System.nanoTime() - start;
            if (code != status) {
                throw new IllegalStateException(
                        "the host answered "
                                + code
                                + " instead of "
                                + status
                                + ": "
                                + new String(answer, StandardCharsets.UTF_8));
            }
            return elapsed;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the host closed the connection");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
