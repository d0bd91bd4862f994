package dev.spinmixed.host.http;

import dev.spinmixed.host.redis.RedisRequiredException;
import dev.spinmixed.host.runtime.FailedGuestCall;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.Header;
import dev.spinmixed.host.runtime.HttpMethod;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.Options;

/**
 * Spin's HTTP trigger on Undertow (Spin 3.6.3 {@code crates/trigger-http/src/server.rs} and {@code
 * spin.rs}): answers {@code /.well-known/spin/health} and {@code /info} itself, routes every other
 * request, maps it to {@code handle-request} of the routed component, and maps the guest's response
 * back. Every answer the host makes itself has Spin's status and an empty body; why goes to the
 * log. Guest calls run off the IO threads, each under a deadline (a limit of this host; Spin has
 * none): a guest that traps, overruns the deadline or returns a status outside 100..600 gets a 500
 * and the server carries on. docs/spin-fidelity.md lists each behaviour against Spin's source.
 */
public final class HttpTriggerServer implements HttpHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTriggerServer.class);

    /**
     * Limits of the trigger: the largest request body accepted, the per-request deadline, and
     * per-component deadlines that replace it for the components they name.
     */
    public record Limits(
            long maxBodyBytes,
            Duration requestDeadline,
            int guestThreads,
            Map<String, Duration> componentDeadlines) {

        public Limits {
            componentDeadlines = Map.copyOf(componentDeadlines);
        }

        public Limits(long maxBodyBytes, Duration requestDeadline, int guestThreads) {
            this(maxBodyBytes, requestDeadline, guestThreads, Map.of());
        }

        public Duration deadline(String component) {
            return componentDeadlines.getOrDefault(component, requestDeadline);
        }
    }

    private final Router router;
    private final GuestRuntime runtime;
    private final AppInfo app;
    private final Limits limits;
    private final ExecutorService guestCalls;
    private final Set<Integer> announced = ConcurrentHashMap.newKeySet();
    private Undertow server;

    public HttpTriggerServer(Router router, GuestRuntime runtime, AppInfo app, Limits limits) {
        this.router = router;
        this.runtime = runtime;
        this.app = app;
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.guestCalls =
                Executors.newFixedThreadPool(
                        limits.guestThreads(),
                        r -> {
                            Thread t = new Thread(r, "guest-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts listening; returns the bound address (port 0 picks a free port). */
    public InetSocketAddress start(InetSocketAddress listen) {
        // A client that stalls while sending its head or body must not hold a worker thread forever
        // (slowloris): reading a request is bounded by the same deadline as the guest call.
        int readTimeout = (int) Math.min(Integer.MAX_VALUE, limits.requestDeadline().toMillis());
        server =
                Undertow.builder()
                        .addHttpListener(listen.getPort(), listen.getHostString())
                        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, readTimeout)
                        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, readTimeout)
                        .setSocketOption(Options.READ_TIMEOUT, readTimeout)
                        .setHandler(this)
                        .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "cannot listen on "
                            + listen.getHostString()
                            + ":"
                            + listen.getPort()
                            + ": "
                            + cause.getMessage()
                            + " (choose another address with --listen or SPIN_HTTP_LISTEN_ADDR)",
                    e);
        }
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        guestCalls.shutdownNow();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String path = rawPath(exchange);
        if (path.startsWith(Router.WELL_KNOWN_PREFIX)) {
            wellKnown(exchange, path.substring(Router.WELL_KNOWN_PREFIX.length()));
            return;
        }
        Optional<RouteMatch> match = router.route(path);
        if (match.isEmpty()) {
            clientError(
                    exchange,
                    404,
                    "request to "
                            + path
                            + " matched no route, and received a generic 404 answer (a catch-all"
                            + " /... route can serve a more informative one)");
            return;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null && !exchange.isHostIncludedInRequestURI()) {
            // Spin fails such a request before the guest (set_req_uri: "no 'Host' header present
            // in request") and hyper closes the connection without an answer.
            LOG.warn(
                    "{} {}: no 'Host' header present in request; the connection is closed without"
                            + " an answer, as in Spin",
                    exchange.getRequestMethod(),
                    path);
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        String query = exchange.getQueryString();
        String pathAndQuery = query == null || query.isEmpty() ? path : path + "?" + query;
        List<Header> headers;
        try {
            headers =
                    SpinHeaders.forGuest(
                            requestHeaders(exchange),
                            match.get(),
                            exchange.getRequestScheme(),
                            host == null ? "localhost" : host,
                            pathAndQuery,
                            exchange.getSourceAddress());
        } catch (SpinHeaders.NotUtf8Exception e) {
            serverError(exchange, match.get().component(), path, e.getMessage(), null);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            clientError(exchange, 413, tooLarge(path, declared));
            return;
        }
        byte[] body;
        try {
            body = readBody(exchange);
        } catch (IOException e) {
            // On a malformed body (bad chunking, a client gone half-way) Undertow may already have
            // answered or closed the connection itself; otherwise the answer is ours.
            if (!exchange.isResponseStarted()) {
                if (e instanceof InterruptedIOException) {
                    clientError(
                            exchange,
                            408,
                            "the body of "
                                    + path
                                    + " did not arrive within "
                                    + limits.requestDeadline().toMillis()
                                    + " ms");
                } else {
                    serverError(
                            exchange,
                            match.get().component(),
                            path,
                            "the request body could not be read: " + e.getMessage(),
                            null);
                }
            }
            return;
        }
        if (body == null) {
            clientError(exchange, 413, tooLarge(path, -1));
            return;
        }
        String methodName = exchange.getRequestMethod().toString();
        Optional<HttpMethod> method = HttpMethod.fromHttp(methodName);
        if (method.isEmpty()) {
            clientError(
                    exchange,
                    405,
                    "method "
                            + methodName
                            + " on "
                            + path
                            + " is not one a Spin HTTP component takes (GET, POST, PUT, DELETE,"
                            + " PATCH, HEAD, OPTIONS)");
            return;
        }
        respond(exchange, match.get(), new GuestRequest(method.get(), pathAndQuery, headers, body));
    }

    /** Spin answers its reserved prefix itself, whatever the method, before any route. */
    private void wellKnown(HttpServerExchange exchange, String name) {
        switch (name) {
            case "health" -> send(exchange, 200, null, "OK".getBytes(StandardCharsets.UTF_8));
            case "info" -> send(exchange, 200, "application/json", app.json());
            default ->
                    clientError(
                            exchange,
                            404,
                            "no such well-known endpoint: " + Router.WELL_KNOWN_PREFIX + name);
        }
    }

    private void respond(HttpServerExchange exchange, RouteMatch match, GuestRequest request) {
        String component = match.component();
        String path = request.uri();
        Future<GuestResponse> call =
                guestCalls.submit(() -> runtime.handleRequest(component, request));
        GuestResponse response;
        long deadline = limits.deadline(component).toMillis();
        try {
            response = call.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            serverError(
                    exchange,
                    component,
                    request.method() + " " + path,
                    "no answer within the request deadline of " + deadline + " ms (interrupted)",
                    null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            serverError(exchange, component, path, "interrupted: the server is stopping", null);
            return;
        } catch (ExecutionException e) {
            Optional<RedisRequiredException> needsRedis =
                    causeOfType(e.getCause(), RedisRequiredException.class);
            if (needsRedis.isPresent()) {
                LOG.warn(
                        "{} {}: {} (answered 503)",
                        request.method(),
                        path,
                        needsRedis.get().getMessage());
                send(exchange, 503, null, new byte[0]);
                return;
            }
            serverError(exchange, component, request.method() + " " + path, "failed", e.getCause());
            return;
        }
        Optional<String> invalid = invalidResponse(response);
        if (invalid.isPresent()) {
            serverError(exchange, component, request.method() + " " + path, invalid.get(), null);
            return;
        }
        exchange.setStatusCode(response.status());
        for (Header h : response.headers().orElse(List.of())) {
            exchange.getResponseHeaders()
                    .put(
                            new HttpString(h.name().toLowerCase(Locale.ROOT)),
                            new String(
                                    h.value().getBytes(StandardCharsets.UTF_8),
                                    StandardCharsets.ISO_8859_1));
        }
        byte[] body = response.body().orElse(new byte[0]);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /**
     * What makes Spin answer 500 instead of the guest's response: a status outside 100..600 (Spin's
     * own check), an informational 1xx (hyper refuses to send one as a response), or a header name
     * or value the http crate refuses ({@code append_headers}).
     */
    static Optional<String> invalidResponse(GuestResponse response) {
        int status = response.status();
        if (status < 100 || status > 600) {
            return Optional.of("returned the malformed HTTP status code " + status);
        }
        if (status < 200) {
            return Optional.of(
                    "returned the informational status " + status + ", not a final response");
        }
        for (Header h : response.headers().orElse(List.of())) {
            if (!ResponseHeaders.validName(h.name())) {
                return Optional.of("returned an invalid header name '" + h.name() + "'");
            }
            if (!ResponseHeaders.validValue(h.value())) {
                return Optional.of("returned an invalid value for header '" + h.name() + "'");
            }
        }
        return Optional.empty();
    }

    /**
     * The body, or null when it is larger than the limit (a chunked body has no declared length).
     */
    private byte[] readBody(HttpServerExchange exchange) throws IOException {
        exchange.startBlocking();
        InputStream in = exchange.getInputStream();
        byte[] body =
                in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
        return body.length > limits.maxBodyBytes() ? null : body;
    }

    private String tooLarge(String path, long declared) {
        return "the body of "
                + path
                + (declared >= 0 ? ", " + declared + " bytes," : "")
                + " exceeds the limit of "
                + limits.maxBodyBytes()
                + " bytes (--max-body)";
    }

    /**
     * An answer the host makes for a client's mistake: the first of each status is logged at info
     * level, the rest at debug level (a line per bad request costs more than the request).
     */
    private void clientError(HttpServerExchange exchange, int status, String why) {
        if (announced.add(status)) {
            LOG.info(
                    "{}: answered {}; further {} answers are logged at debug level",
                    why,
                    status,
                    status);
        } else {
            LOG.debug("{}: answered {}", why, status);
        }
        send(exchange, status, null, new byte[0]);
    }

    private static void serverError(
            HttpServerExchange exchange,
            String component,
            String request,
            String why,
            Throwable cause) {
        if (cause instanceof FailedGuestCall) {
            LOG.error(
                    "component '{}' {} on {}: {} (answered 500)",
                    component,
                    why,
                    request,
                    cause.getMessage());
        } else if (cause != null) {
            LOG.error("component '{}' {} on {} (answered 500)", component, why, request, cause);
        } else {
            LOG.error("component '{}' on {}: {} (answered 500)", component, request, why);
        }
        send(exchange, 500, null, new byte[0]);
    }

    private static List<Header> requestHeaders(HttpServerExchange exchange) {
        List<Header> out = new ArrayList<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String v : values) {
                out.add(new Header(values.getHeaderName().toString(), v));
            }
        }
        return out;
    }

    /** The path as the client sent it (still percent-encoded), which is what Spin routes on. */
    private static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int authority = uri.indexOf("://");
            int slash = uri.indexOf('/', authority + 3);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        return uri.isEmpty() ? "/" : uri;
    }

    private static void send(
            HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        if (contentType != null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }
}
