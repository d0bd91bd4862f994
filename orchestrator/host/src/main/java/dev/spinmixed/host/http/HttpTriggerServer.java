package dev.spinmixed.host.http;

import dev.spinmixed.host.redis.RedisRequiredException;
import dev.spinmixed.host.runtime.GuestFault;
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
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * Spin's HTTP trigger on Undertow: routes a request, maps it to {@code handle-request} of the
 * routed component, and maps the guest's response back. Guest calls run off the IO threads, each
 * under a deadline; a guest that traps, overruns the deadline or returns a status outside 100..600
 * gets a 500 and the server carries on.
 */
public final class HttpTriggerServer implements HttpHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTriggerServer.class);
    private static final String WELL_KNOWN = "/.well-known/spin/";

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
    private final Limits limits;
    private final ExecutorService guestCalls;
    private Undertow server;

    public HttpTriggerServer(Router router, GuestRuntime runtime, Limits limits) {
        this.router = router;
        this.runtime = runtime;
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
        if (path.startsWith(WELL_KNOWN)) {
            if (path.equals(WELL_KNOWN + "health")) {
                send(exchange, 200, "OK");
            } else {
                send(exchange, 404, "no such well-known endpoint: " + path + "\n");
            }
            return;
        }
        Optional<RouteMatch> match = router.route(path);
        if (match.isEmpty()) {
            send(exchange, 404, "no route matches " + path + "\n");
            return;
        }
        String methodName = exchange.getRequestMethod().toString();
        Optional<HttpMethod> method = HttpMethod.fromHttp(methodName);
        if (method.isEmpty()) {
            send(
                    exchange,
                    405,
                    "method "
                            + methodName
                            + " is not supported: a Spin HTTP component accepts "
                            + "GET, POST, PUT, DELETE, PATCH, HEAD and OPTIONS\n");
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            send(exchange, 413, tooLarge(declared));
            return;
        }
        byte[] body;
        try {
            body = readBody(exchange);
        } catch (IOException e) {
            // On a malformed body (bad chunking, a client gone half-way) Undertow may already have
            // answered or closed the connection itself; otherwise the answer is ours.
            if (!exchange.isResponseStarted()) {
                boolean timedOut = e instanceof InterruptedIOException;
                send(
                        exchange,
                        timedOut ? 408 : 400,
                        timedOut
                                ? "the request body did not arrive within "
                                        + limits.requestDeadline().toMillis()
                                        + " ms\n"
                                : "the request body could not be read: " + e.getMessage() + "\n");
            }
            return;
        }
        if (body == null) {
            send(exchange, 413, tooLarge(-1));
            return;
        }
        String query = exchange.getQueryString();
        String pathAndQuery = query == null || query.isEmpty() ? path : path + "?" + query;
        GuestRequest request =
                new GuestRequest(
                        method.get(),
                        pathAndQuery,
                        SpinHeaders.forGuest(
                                requestHeaders(exchange),
                                match.get(),
                                exchange.getRequestScheme(),
                                Optional.ofNullable(
                                                exchange.getRequestHeaders().getFirst(Headers.HOST))
                                        .orElse("localhost"),
                                pathAndQuery,
                                clientAddress(exchange.getSourceAddress())),
                        body);
        respond(exchange, match.get(), request);
    }

    private void respond(HttpServerExchange exchange, RouteMatch match, GuestRequest request) {
        String component = match.component();
        Future<GuestResponse> call =
                guestCalls.submit(() -> runtime.handleRequest(component, request));
        GuestResponse response;
        long deadline = limits.deadline(component).toMillis();
        try {
            response = call.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.error(
                    "component '{}' did not answer {} {} within the request deadline of {} ms; the"
                            + " call was interrupted",
                    component,
                    request.method(),
                    request.uri(),
                    deadline);
            send(
                    exchange,
                    500,
                    "component '"
                            + component
                            + "' exceeded the request deadline of "
                            + deadline
                            + " ms\n");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            send(exchange, 503, "the server is shutting down\n");
            return;
        } catch (ExecutionException e) {
            Optional<RedisRequiredException> needsRedis =
                    causeOfType(e.getCause(), RedisRequiredException.class);
            if (needsRedis.isPresent()) {
                LOG.warn(
                        "{} {}: {}",
                        request.method(),
                        request.uri(),
                        needsRedis.get().getMessage());
                send(exchange, 503, needsRedis.get().getMessage() + "\n");
                return;
            }
            LOG.error(
                    "component '{}' failed on {} {}",
                    component,
                    request.method(),
                    request.uri(),
                    e.getCause());
            String why =
                    e.getCause() instanceof GuestFault
                            ? e.getCause().getMessage()
                            : String.valueOf(e.getCause());
            send(exchange, 500, "component '" + component + "' failed: " + why + "\n");
            return;
        }
        if (response.status() < 100 || response.status() > 600) {
            LOG.error(
                    "component '{}' returned HTTP status {}, outside 100..600",
                    component,
                    response.status());
            send(
                    exchange,
                    500,
                    "component '"
                            + component
                            + "' returned an invalid HTTP status "
                            + response.status()
                            + "\n");
            return;
        }
        exchange.setStatusCode(response.status());
        for (Header h : response.headers().orElse(List.of())) {
            exchange.getResponseHeaders().put(new HttpString(h.name()), h.value());
        }
        byte[] body = response.body().orElse(new byte[0]);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
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

    private String tooLarge(long declared) {
        return "request body "
                + (declared >= 0 ? "of " + declared + " bytes " : "")
                + "exceeds the limit of "
                + limits.maxBodyBytes()
                + " bytes\n";
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

    private static String clientAddress(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip)
                + ":"
                + address.getPort();
    }

    private static void send(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
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
