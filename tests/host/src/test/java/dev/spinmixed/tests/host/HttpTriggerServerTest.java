package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.http.AppInfo;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.redis.RedisRequiredException;
import dev.spinmixed.host.runtime.FailedGuestCall;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.Header;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP trigger over real HTTP on loopback, with guests written in Java so each mapping rule can
 * be observed directly (the real wasm guests are exercised in {@link OrdersAppEndToEndTest}).
 */
class HttpTriggerServerTest {

    static final HttpTriggerServer.Limits LIMITS =
            new HttpTriggerServer.Limits(1024, Duration.ofMillis(500), 4);
    static final AppInfo APP = AppInfo.of("orders", "0.1.0");

    final HttpClient client = HttpClient.newHttpClient();
    HttpTriggerServer server;
    URI base;

    /** A runtime whose components are Java functions. */
    record JavaGuests(Map<String, Function<GuestRequest, GuestResponse>> handlers)
            implements GuestRuntime {
        @Override
        public GuestResponse handleRequest(String componentId, GuestRequest request) {
            return handlers.get(componentId).apply(request);
        }

        @Override
        public boolean handleMessage(String componentId, byte[] message) {
            throw new UnsupportedOperationException("no Redis trigger here");
        }

        @Override
        public void close() {}
    }

    void start(
            Map<String, Function<GuestRequest, GuestResponse>> handlers,
            String... routesAndComponents) {
        server =
                new HttpTriggerServer(
                        RouterTest.router(routesAndComponents),
                        new JavaGuests(handlers),
                        APP,
                        LIMITS);
        InetSocketAddress a = server.start(new InetSocketAddress("127.0.0.1", 0));
        base = URI.create("http://127.0.0.1:" + a.getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static GuestResponse text(int status, String body) {
        return new GuestResponse(
                status,
                Optional.of(List.of(new Header("content-type", "text/plain"))),
                Optional.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void guestSeesTheRequestsHeadersThenSpinsOwnInSpinsOrder() throws Exception {
        CompletableFuture<GuestRequest> seen = new CompletableFuture<>();
        start(
                Map.of(
                        "hops",
                        r -> {
                            seen.complete(r);
                            return text(201, "made");
                        }),
                "/hops/:kind/...",
                "hops");
        byte[] request =
                ("POST /hops/orders/7?x=1&y=2 HTTP/1.1\r\n"
                                + "Host: shop.example:8080\r\n"
                                + "X-Custom: Zoë\r\n"
                                + "Connection: close\r\n"
                                + "spin-path-info: /forged\r\n"
                                + "Content-Length: 7\r\n\r\n"
                                + "{\"a\":1}")
                        .getBytes(StandardCharsets.UTF_8);
        String answer = rawExchange(request);
        assertTrue(answer.startsWith("HTTP/1.1 201 "), answer);
        assertTrue(answer.endsWith("\r\n\r\nmade"), answer);

        GuestRequest r = seen.get();
        assertEquals("POST", r.method().name());
        assertEquals("/hops/orders/7?x=1&y=2", r.uri());
        assertEquals("{\"a\":1}", new String(r.body(), StandardCharsets.UTF_8));
        List<Header> headers = r.headers();
        List<Header> spins = headers.subList(headers.size() - 8, headers.size());
        assertEquals(
                List.of(
                        new Header("spin-path-info", "/7"),
                        new Header(
                                "spin-full-url", "http://shop.example:8080/hops/orders/7?x=1&y=2"),
                        new Header("spin-matched-route", "/hops/:kind/..."),
                        new Header("spin-base-path", "/"),
                        new Header("spin-raw-component-route", "/hops/:kind/..."),
                        new Header("spin-component-route", "/hops/:kind"),
                        new Header("spin-client-addr", spins.get(6).value()),
                        new Header("spin-path-match-kind", "orders")),
                spins);
        assertTrue(spins.get(6).value().startsWith("127.0.0.1:"), spins.get(6).value());
        List<Header> clients = headers.subList(0, headers.size() - 8);
        assertEquals(
                java.util.Set.of(
                        new Header("host", "shop.example:8080"),
                        new Header("x-custom", "Zoë"),
                        new Header("connection", "close"),
                        new Header("spin-path-info", "/forged"),
                        new Header("content-length", "7")),
                java.util.Set.copyOf(clients),
                "every request header, names in lower case, values as UTF-8, nothing dropped");
        assertEquals(5, clients.size());
    }

    @Test
    void aRequestHeaderThatIsNotUtf8Is500() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        byte[] request =
                "GET /a HTTP/1.1\r\nHost: h\r\nX-Bad: \u00ff\u00fe\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                "HTTP/1.1 500 Internal Server Error",
                rawExchange(request).lines().findFirst().get());
    }

    @Test
    void anHttp10RequestWithoutHostIsClosedWithoutAnAnswerAsInSpin() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        assertEquals(
                "", rawExchange("GET /a HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(
                "HTTP/1.0 404 Not Found",
                rawExchange("GET /b HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                        .lines()
                        .findFirst()
                        .get(),
                "an unrouted path is answered before Spin looks at the Host");
    }

    /** Sends raw bytes, returns everything the server wrote until it closed. */
    String rawExchange(byte[] request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void emptyBodyReachesTheGuestAsAnEmptyBody() throws Exception {
        CompletableFuture<GuestRequest> seen = new CompletableFuture<>();
        start(
                Map.of(
                        "a",
                        r -> {
                            seen.complete(r);
                            return new GuestResponse(204, Optional.empty(), Optional.empty());
                        }),
                "/a",
                "a");
        assertEquals(204, send(HttpRequest.newBuilder(base.resolve("/a")).GET()).statusCode());
        assertEquals(0, seen.get().body().length);
        assertEquals("/a", seen.get().uri());
    }

    @Test
    void unknownRouteIs404WithAnEmptyBody() throws Exception {
        start(Map.of(), "/a", "a");
        var response = send(HttpRequest.newBuilder(base.resolve("/nowhere")).GET());
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void methodOutsideTheWitEnumIs405WithAnEmptyBody() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/a"))
                                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void bodyOverTheHostsLimitIs413WithAnEmptyBody() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/a"))
                                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
        assertEquals(413, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void statusOutside100To600Or1xxIs500WithAnEmptyBody() throws Exception {
        for (int status : new int[] {99, 601, 100, 103}) {
            start(Map.of("a", r -> text(status, "bad")), "/a", "a");
            var response = send(HttpRequest.newBuilder(base.resolve("/a")).GET());
            assertEquals(500, response.statusCode(), "guest status " + status);
            assertEquals("", response.body());
            server.close();
        }
        start(Map.of("a", r -> text(600, "odd")), "/a", "a");
        assertEquals(600, send(HttpRequest.newBuilder(base.resolve("/a")).GET()).statusCode());
    }

    @Test
    void aResponseHeaderTheHttpCrateRefusesIs500() throws Exception {
        for (Header bad : List.of(new Header("bad name", "v"), new Header("x", "a\nb"))) {
            start(
                    Map.of(
                            "a",
                            r ->
                                    new GuestResponse(
                                            200, Optional.of(List.of(bad)), Optional.empty())),
                    "/a",
                    "a");
            assertEquals(
                    500,
                    send(HttpRequest.newBuilder(base.resolve("/a")).GET()).statusCode(),
                    bad.toString());
            server.close();
        }
    }

    @Test
    void responseHeadersGoOutLowerCasedLastOneWinsAndUtf8Intact() throws Exception {
        start(
                Map.of(
                        "a",
                        r ->
                                new GuestResponse(
                                        200,
                                        Optional.of(
                                                List.of(
                                                        new Header("X-Name", "first"),
                                                        new Header("x-name", "Zoë"))),
                                        Optional.empty())),
                "/a",
                "a");
        String answer =
                rawExchange(
                        "GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.contains("\r\nx-name: Zoë\r\n"), answer);
        assertTrue(!answer.contains("first"), answer);
    }

    @Test
    void failingGuestIs500AndTheNextRequestSucceeds() throws Exception {
        start(
                Map.of(
                        "a",
                        r -> {
                            if (r.uri().contains("trap")) {
                                throw new FailedGuestCall("wasm trap: unreachable", null);
                            }
                            return text(200, "fine");
                        }),
                "/a",
                "a");
        var failed = send(HttpRequest.newBuilder(base.resolve("/a?trap")).GET());
        assertEquals(500, failed.statusCode());
        assertEquals("", failed.body());
        assertEquals("fine", send(HttpRequest.newBuilder(base.resolve("/a")).GET()).body());
    }

    @Test
    void guestOverTheDeadlineIs500AndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        start(
                Map.of(
                        "slow",
                        r -> {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                interrupted.countDown();
                            }
                            return text(200, "late");
                        }),
                "/slow",
                "slow");
        var response = send(HttpRequest.newBuilder(base.resolve("/slow")).GET());
        assertEquals(500, response.statusCode());
        assertEquals("", response.body());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the stuck call was interrupted");
    }

    @Test
    void aRouteThatNeedsRedisWithoutRedisIs503() throws Exception {
        start(
                Map.of(
                        "hops",
                        r -> {
                            throw new FailedGuestCall(
                                    "host import failed",
                                    new RedisRequiredException(
                                            "this route needs Redis: start with --redis"));
                        }),
                "/hops/...",
                "hops");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/hops/orders"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(503, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void concurrentRequestsRunAtTheSameTime() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        start(
                Map.of(
                        "a",
                        r -> {
                            bothInside.countDown();
                            try {
                                return text(
                                        bothInside.await(5, TimeUnit.SECONDS) ? 200 : 500,
                                        "together");
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }),
                "/a",
                "a");
        var first =
                client.sendAsync(
                        HttpRequest.newBuilder(base.resolve("/a")).build(),
                        HttpResponse.BodyHandlers.ofString());
        var second =
                client.sendAsync(
                        HttpRequest.newBuilder(base.resolve("/a")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());
    }

    @Test
    void spinAnswersItsWellKnownEndpointsBeforeAnyRouteWhateverTheMethod() throws Exception {
        start(Map.of("all", r -> text(200, "guest")), "/...", "all");
        var health =
                send(
                        HttpRequest.newBuilder(base.resolve("/.well-known/spin/health"))
                                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, health.statusCode());
        assertEquals("OK", health.body());
        assertEquals(Optional.empty(), health.headers().firstValue("content-type"));
        var info = send(HttpRequest.newBuilder(base.resolve("/.well-known/spin/info")).GET());
        assertEquals(200, info.statusCode());
        assertEquals("application/json", info.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\n  \"name\": \"orders\",\n  \"version\": \"0.1.0\"\n}", info.body());
        var other = send(HttpRequest.newBuilder(base.resolve("/.well-known/spin/routes")).GET());
        assertEquals(404, other.statusCode());
        assertEquals("", other.body());
        assertEquals(
                "guest",
                send(HttpRequest.newBuilder(base.resolve("/.well-known/spin")).GET()).body(),
                "only the prefix with its slash is Spin's");
    }

    @Test
    void routesUnderSpinsReservedPrefixNeverReachTheGuest() throws Exception {
        start(Map.of("sneaky", r -> text(200, "guest")), "/.well-known/spin/...", "sneaky");
        var response = send(HttpRequest.newBuilder(base.resolve("/.well-known/spin/x")).GET());
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void infoIsWrittenAsSerdeJsonWritesItAndLeavesOutAnEmptyVersion() throws Exception {
        try (HttpTriggerServer other =
                new HttpTriggerServer(
                        RouterTest.router(),
                        new JavaGuests(Map.of()),
                        AppInfo.of("a \"quoted\"\\ n\u00e4me/\t\u0001", ""),
                        LIMITS)) {
            InetSocketAddress a = other.start(new InetSocketAddress("127.0.0.1", 0));
            var info =
                    send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + a.getPort()
                                                            + "/.well-known/spin/info"))
                                    .GET());
            assertEquals(
                    "{\n  \"name\": \"a \\\"quoted\\\"\\\\ n\u00e4me/\\t\\u0001\"\n}", info.body());
        }
    }

    @Test
    void anIpv6ClientAddressIsWrittenAsRustWritesIt() throws Exception {
        CompletableFuture<GuestRequest> seen = new CompletableFuture<>();
        try (HttpTriggerServer v6 =
                new HttpTriggerServer(
                        RouterTest.router("/a", "a"),
                        new JavaGuests(
                                Map.of(
                                        "a",
                                        r -> {
                                            seen.complete(r);
                                            return text(200, "ok");
                                        })),
                        APP,
                        LIMITS)) {
            InetSocketAddress a = v6.start(new InetSocketAddress("::1", 0));
            send(HttpRequest.newBuilder(URI.create("http://[::1]:" + a.getPort() + "/a")).GET());
            String client =
                    seen.get().headers().stream()
                            .filter(h -> h.name().equals("spin-client-addr"))
                            .findFirst()
                            .orElseThrow()
                            .value();
            assertTrue(client.matches("\\[::1\\]:\\d+"), client);
        }
    }

    @Test
    void aBusyPortIsAnErrorNamingTheAddress() throws Exception {
        start(Map.of(), "/a", "a");
        try (HttpTriggerServer second =
                new HttpTriggerServer(
                        RouterTest.router("/a", "a"), new JavaGuests(Map.of()), APP, LIMITS)) {
            var e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            IllegalStateException.class,
                            () -> second.start(new InetSocketAddress("127.0.0.1", base.getPort())));
            assertTrue(
                    e.getMessage().contains("cannot listen on 127.0.0.1:" + base.getPort()),
                    e.getMessage());
        }
    }
}
