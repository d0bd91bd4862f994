package dev.spinmixed.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.redis.RedisRequiredException;
import dev.spinmixed.host.runtime.GuestFault;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP trigger over real HTTP on loopback, with guests written in Java so each mapping rule can
 * be observed directly (the real wasm guests are exercised in {@link OrdersAppEndToEndTest}).
 */
class HttpTriggerServerTest {

    static final HttpTriggerServer.Limits LIMITS =
            new HttpTriggerServer.Limits(1024, Duration.ofMillis(500), 4);

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
                        RouterTest.router(routesAndComponents), new JavaGuests(handlers), LIMITS);
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
    void guestSeesSpinsRequestMapping() throws Exception {
        CompletableFuture<GuestRequest> seen = new CompletableFuture<>();
        start(
                Map.of(
                        "hops",
                        r -> {
                            seen.complete(r);
                            return text(201, "made");
                        }),
                "/hops/...",
                "hops");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/hops/orders/7?x=1&y=2"))
                                .header("X-Custom", "v")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
        assertEquals(201, response.statusCode());
        assertEquals("made", response.body());
        assertEquals("text/plain", response.headers().firstValue("content-type").orElseThrow());

        GuestRequest r = seen.get();
        assertEquals("POST", r.method().name());
        assertEquals("/hops/orders/7?x=1&y=2", r.uri());
        assertEquals("{\"a\":1}", new String(r.body(), StandardCharsets.UTF_8));
        Map<String, String> h =
                r.headers().stream()
                        .collect(Collectors.toMap(Header::name, Header::value, (a, b) -> a));
        assertEquals("v", h.get("x-custom"));
        assertEquals("/orders/7", h.get("spin-path-info"));
        assertEquals(
                "http://127.0.0.1:" + base.getPort() + "/hops/orders/7?x=1&y=2",
                h.get("spin-full-url"));
        assertEquals("/hops/...", h.get("spin-matched-route"));
        assertEquals("/hops/...", h.get("spin-raw-component-route"));
        assertEquals("/hops", h.get("spin-component-route"));
        assertEquals("/", h.get("spin-base-path"));
        assertTrue(h.get("spin-client-addr").startsWith("127.0.0.1:"), h.get("spin-client-addr"));
        assertTrue(
                r.headers().stream().allMatch(x -> x.name().equals(x.name().toLowerCase())),
                "header names are lower-case");
        assertTrue(
                r.headers().stream().noneMatch(x -> x.name().equals("connection")),
                "connection is dropped");
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
    void unknownRouteIs404WithAReason() throws Exception {
        start(Map.of(), "/a", "a");
        var response = send(HttpRequest.newBuilder(base.resolve("/nowhere")).GET());
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("no route matches /nowhere"), response.body());
    }

    @Test
    void methodOutsideTheWitEnumIs405WithAReason() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/a"))
                                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, response.statusCode());
        assertTrue(response.body().contains("method TRACE is not supported"), response.body());
    }

    @Test
    void bodyOverTheLimitIs413WithAReason() throws Exception {
        start(Map.of("a", r -> text(200, "never")), "/a", "a");
        var response =
                send(
                        HttpRequest.newBuilder(base.resolve("/a"))
                                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("exceeds the limit of 1024 bytes"), response.body());
    }

    @Test
    void statusOutside100To600Is500() throws Exception {
        start(Map.of("a", r -> text(99, "bad")), "/a", "a");
        var response = send(HttpRequest.newBuilder(base.resolve("/a")).GET());
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("invalid HTTP status 99"), response.body());
    }

    @Test
    void failingGuestIs500AndTheNextRequestSucceeds() throws Exception {
        start(
                Map.of(
                        "a",
                        r -> {
                            if (r.uri().contains("trap")) {
                                throw new GuestFault("wasm trap: unreachable", null);
                            }
                            return text(200, "fine");
                        }),
                "/a",
                "a");
        var failed = send(HttpRequest.newBuilder(base.resolve("/a?trap")).GET());
        assertEquals(500, failed.statusCode());
        assertTrue(
                failed.body().contains("component 'a' failed: wasm trap: unreachable"),
                failed.body());
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
        assertTrue(
                response.body().contains("exceeded the request deadline of 500 ms"),
                response.body());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the stuck call was interrupted");
    }

    @Test
    void aRouteThatNeedsRedisIs503SayingSo() throws Exception {
        start(
                Map.of(
                        "hops",
                        r -> {
                            throw new GuestFault(
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
        assertTrue(response.body().contains("this route needs Redis"), response.body());
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
    void healthEndpointAnswersOk() throws Exception {
        start(Map.of(), "/...", "all");
        var response = send(HttpRequest.newBuilder(base.resolve("/.well-known/spin/health")).GET());
        assertEquals(200, response.statusCode());
        assertEquals("OK", response.body());
    }

    @Test
    void aBusyPortIsAnErrorNamingTheAddress() throws Exception {
        start(Map.of(), "/a", "a");
        try (HttpTriggerServer second =
                new HttpTriggerServer(
                        RouterTest.router("/a", "a"), new JavaGuests(Map.of()), LIMITS)) {
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
