package dev.spinmixed.tests.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Hostile HTTP requests for the Orders app, each made from its own seeded {@link Random} so a run
 * is reproducible case by case: random bytes, broken request lines, odd methods and paths, oversize
 * and duplicate headers, bad chunking, truncated and huge bodies, deeply nested JSON, invalid UTF-8
 * and mutated orders.
 */
final class MalformedRequests {

    /**
     * One request. {@code maySucceed}: it may be a valid order or a health check, so 200 is a right
     * answer; {@code hangUp}: the client closes its side after sending (it gave up half-way).
     */
    record Case(int index, String kind, byte[] bytes, boolean hangUp, boolean maySucceed) {

        /**
         * Whether the server may close the connection without an answer: when no complete request
         * arrived (the client hung up), the bytes are not HTTP at all, or the body's framing is
         * broken so the server cannot tell where the request ends (RFC 9112 lets it close).
         */
        boolean mayClose() {
            return hangUp || kind.equals("random-bytes") || kind.equals("bad-chunking");
        }
    }

    static final String ORDER =
            """
            {"id":"o-1001","customer":"Zoë Müller","region":"EU-DE",\
            "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250},{"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}],\
            "coupon":"WELCOME5"}\
            """;

    private static final List<String> KINDS =
            List.of(
                    "random-bytes",
                    "broken-request-line",
                    "odd-method",
                    "odd-path",
                    "oversize-header",
                    "many-headers",
                    "duplicate-headers",
                    "bad-chunking",
                    "truncated-body",
                    "huge-body",
                    "deep-json",
                    "invalid-utf8",
                    "mutated-order",
                    "random-json",
                    "hops-route",
                    "valid-order");
    private static final String[] METHODS = {
        "GET",
        "POST",
        "PUT",
        "DELETE",
        "PATCH",
        "HEAD",
        "OPTIONS",
        "TRACE",
        "CONNECT",
        "PROPFIND",
        "post",
        "P0ST",
        "GET GET",
        "",
        "BREW",
        "X".repeat(300),
        "POST\u0000",
        "PÖST"
    };
    private static final String[] PATHS = {
        "/orders",
        "/hops/orders",
        "/orders/",
        "/orders/x",
        "/Orders",
        "//orders",
        "/orders/../orders",
        "/%2e%2e/orders",
        "/orders%00",
        "/orders?x=1&&&=",
        "*",
        "http://evil.example/orders",
        "/.well-known/spin/health",
        "/.well-known/spin/nope",
        "/" + "a/".repeat(2000),
        "/orders#frag",
        "orders",
        "/\u00e9",
        ""
    };

    /**
     * Paths that do reach /orders (Spin's routing ignores empty segments and a trailing slash) or
     * the health check.
     */
    private static final Set<String> ROUTED_PATHS =
            Set.of(
                    "/orders",
                    "/orders/",
                    "//orders",
                    "/orders?x=1&&&=",
                    "/orders#frag",
                    "http://evil.example/orders",
                    "/.well-known/spin/health");

    private final long seed;

    MalformedRequests(long seed) {
        this.seed = seed;
    }

    static List<String> kinds() {
        return KINDS;
    }

    Case next(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        String kind = KINDS.get(index % KINDS.size());
        return switch (kind) {
            case "random-bytes" ->
                    new Case(
                            index,
                            kind,
                            randomBytes(r, r.nextInt(2048) + 1),
                            r.nextBoolean(),
                            false);
            case "broken-request-line" ->
                    new Case(index, kind, bytes(brokenRequestLine(r)), r.nextBoolean(), false);
            case "odd-method" -> {
                String method = METHODS[r.nextInt(METHODS.length)];
                yield new Case(
                        index,
                        kind,
                        request(method, "/orders", "", ORDER),
                        false,
                        method.equals("POST"));
            }
            case "odd-path" -> {
                String path = PATHS[r.nextInt(PATHS.length)];
                yield new Case(
                        index,
                        kind,
                        request(r.nextBoolean() ? "GET" : "POST", path, "", ORDER),
                        false,
                        ROUTED_PATHS.contains(path));
            }
            case "oversize-header" ->
                    new Case(
                            index,
                            kind,
                            request(
                                    "POST",
                                    "/orders",
                                    "x-big: " + "v".repeat(1 << (10 + r.nextInt(11))) + "\r\n",
                                    ORDER),
                            false,
                            true);
            case "many-headers" ->
                    new Case(
                            index,
                            kind,
                            request("POST", "/orders", manyHeaders(r), ORDER),
                            false,
                            true);
            case "duplicate-headers" -> duplicateHeaders(index, kind, r);
            case "bad-chunking" -> new Case(index, kind, badChunking(r), r.nextBoolean(), true);
            case "truncated-body" -> {
                byte[] full = request("POST", "/orders", "", ORDER);
                yield new Case(
                        index,
                        kind,
                        java.util.Arrays.copyOf(full, full.length - 1 - r.nextInt(ORDER.length())),
                        true,
                        false);
            }
            case "huge-body" -> hugeBody(index, kind, r);
            case "deep-json" ->
                    new Case(
                            index, kind, request("POST", "/orders", "", deepJson(r)), false, false);
            case "invalid-utf8" ->
                    new Case(
                            index,
                            kind,
                            request("POST", "/orders", "", invalidUtf8Order(r)),
                            false,
                            false);
            case "mutated-order" ->
                    new Case(
                            index,
                            kind,
                            request(
                                    "POST",
                                    "/orders",
                                    "",
                                    mutate(r, ORDER.getBytes(StandardCharsets.UTF_8))),
                            false,
                            true);
            case "random-json" ->
                    new Case(
                            index,
                            kind,
                            request("POST", "/orders", "", bytes(randomJson(r, 0))),
                            false,
                            false);
            case "hops-route" ->
                    new Case(
                            index,
                            kind,
                            request(
                                    "POST",
                                    "/hops/orders",
                                    "",
                                    r.nextBoolean()
                                            ? bytes(ORDER)
                                            : mutate(r, ORDER.getBytes(StandardCharsets.UTF_8))),
                            false,
                            false);
            case "valid-order" ->
                    new Case(
                            index,
                            kind,
                            request("POST", "/orders", "", ORDER.replace("o-1001", "o-" + index)),
                            false,
                            true);
            default -> throw new IllegalStateException(kind);
        };
    }

    static byte[] request(String method, String path, String extraHeaders, String body) {
        return request(method, path, extraHeaders, bytes(body));
    }

    static byte[] request(String method, String path, String extraHeaders, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                bytes(
                        method
                                + " "
                                + path
                                + " HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n"
                                + "content-type: application/json\r\ncontent-length: "
                                + body.length
                                + "\r\n"
                                + extraHeaders
                                + "\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String brokenRequestLine(Random r) {
        String[] lines = {
            "POST /orders HTTP/1.1",
            "POST /orders HTTP/9.9",
            "POST /orders HTTP/1.1x",
            "POST /orders",
            "POST",
            "POST  /orders  HTTP/1.1",
            "POST /orders HTTP/1.1 extra",
            "\u0000\u0001\u0002",
            "GET / HTTP/0.9",
            "POST /or ders HTTP/1.1",
            "POST /orders\tHTTP/1.1",
            "PRI * HTTP/2.0",
            "POST /orders HTTP/1.0"
        };
        String line = lines[r.nextInt(lines.length)];
        String headers =
                switch (r.nextInt(4)) {
                    case 0 -> "host: localhost\r\n";
                    case 1 -> "host localhost\r\n";
                    case 2 -> ": no-name\r\n";
                    default -> "host: local\u0000host\r\nx: a\rb\r\n";
                };
        return line + "\r\n" + headers + "connection: close\r\n\r\n";
    }

    private static String manyHeaders(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 50 + r.nextInt(400);
        for (int i = 0; i < n; i++) {
            b.append("x-h").append(i).append(": ").append(r.nextInt()).append("\r\n");
        }
        return b.toString();
    }

    private static Case duplicateHeaders(int index, String kind, Random r) {
        byte[] body = bytes(ORDER);
        int variant = r.nextInt(5);
        String head =
                switch (variant) {
                    // Two different lengths: request smuggling material; must be refused, never
                    // guessed.
                    case 0 ->
                            "content-length: "
                                    + body.length
                                    + "\r\ncontent-length: "
                                    + (body.length - 7)
                                    + "\r\n";
                    case 1 ->
                            "content-length: "
                                    + body.length
                                    + "\r\ncontent-length: "
                                    + body.length
                                    + "\r\n";
                    case 2 ->
                            "content-length: " + body.length + "\r\ntransfer-encoding: chunked\r\n";
                    case 3 ->
                            "content-length: "
                                    + body.length
                                    + "\r\n"
                                    + "host: a\r\n"
                                    + "host: b\r\n"
                                    + "content-type: text/plain\r\n"
                                    + "content-type: application/json\r\n";
                    default ->
                            "content-length: "
                                    + body.length
                                    + "\r\n"
                                    + "spin-full-url: http://evil/\r\n"
                                    + "spin-path-info: /x\r\n"
                                    + "spin-matched-route: /y\r\n";
                };
        byte[] bytes =
                bytes(
                        "POST /orders HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n"
                                + head
                                + "\r\n"
                                + ORDER);
        // Conflicting lengths (0) and length with chunking (2) must never be taken as an order.
        return new Case(index, kind, bytes, false, variant != 0 && variant != 2);
    }

    /** A well-formed chunked order (case 0), then broken chunk sizes. */
    private static byte[] badChunking(Random r) {
        int size = bytes(ORDER).length;
        String chunked =
                switch (r.nextInt(5)) {
                    case 0 -> Integer.toHexString(size) + "\r\n" + ORDER + "\r\n0\r\n\r\n";
                    case 1 -> "zz\r\n" + ORDER + "\r\n0\r\n\r\n";
                    case 2 -> "ffffffffffffffff\r\n" + ORDER + "\r\n0\r\n\r\n";
                    case 3 -> Integer.toHexString(size + 40) + "\r\n" + ORDER + "\r\n0\r\n\r\n";
                    default -> "-5\r\n" + ORDER + "\r\n";
                };
        return bytes(
                "POST /orders HTTP/1.1\r\n"
                        + "host: localhost\r\n"
                        + "connection: close\r\n"
                        + "transfer-encoding: chunked\r\n\r\n"
                        + chunked);
    }

    /**
     * One in four sends a body around the limit; the others only declare a huge one and hang up.
     */
    private static Case hugeBody(int index, String kind, Random r) {
        String route = r.nextBoolean() ? "/orders" : "/hops/orders";
        if (r.nextInt(4) == 0) {
            return new Case(
                    index,
                    kind,
                    request(
                            "POST",
                            route,
                            "",
                            "{\"id\":\""
                                    + "x".repeat((int) LocalApp.MAX_BODY - 100 + r.nextInt(300))
                                    + "\"}"),
                    false,
                    false);
        }
        long declared = LocalApp.MAX_BODY + 1 + (long) (r.nextDouble() * Long.MAX_VALUE / 2);
        byte[] head =
                bytes(
                        "POST "
                                + route
                                + " HTTP/1.1\r\n"
                                + "host: localhost\r\n"
                                + "connection: close\r\n"
                                + "content-length: "
                                + declared
                                + "\r\n\r\n{\"id\":");
        return new Case(index, kind, head, true, false);
    }

    private static String deepJson(Random r) {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 100 : 200_000);
        boolean arrays = r.nextBoolean();
        StringBuilder b = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "[" : "{\"a\":");
        }
        b.append("1");
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "]" : "}");
        }
        return b.length() > LocalApp.MAX_BODY
                ? b.substring(0, (int) LocalApp.MAX_BODY)
                : b.toString();
    }

    private static byte[] invalidUtf8Order(Random r) {
        byte[][] bad = {
            {(byte) 0xC3},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}
        };
        byte[] order = bytes(ORDER);
        int at = 8 + r.nextInt(order.length - 10);
        byte[] insert = bad[r.nextInt(bad.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(order, 0, at);
        out.writeBytes(insert);
        out.write(order, at, order.length - at);
        return out.toByteArray();
    }

    private static byte[] mutate(Random r, byte[] order) {
        byte[] b = order.clone();
        int flips = 1 + r.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int at = r.nextInt(b.length);
            b[at] =
                    switch (r.nextInt(4)) {
                        case 0 -> (byte) r.nextInt(256);
                        case 1 -> (byte) "{}[],:\"0-9eE.\\ ".charAt(r.nextInt(15));
                        case 2 -> (byte) ('0' + r.nextInt(10));
                        default -> (byte) (b[at] + 1);
                    };
        }
        return b;
    }

    private static String randomJson(Random r, int depth) {
        int pick = depth > 4 ? r.nextInt(4) : r.nextInt(7);
        return switch (pick) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> r.nextBoolean() ? "1e309" : Double.toString(r.nextGaussian() * 1e10);
            case 2 -> "\"" + "\\u" + String.format("%04x", r.nextInt(0x10000)) + "x\"";
            case 3 -> r.nextBoolean() ? "null" : "true";
            case 4 -> {
                StringBuilder b = new StringBuilder("[");
                for (int i = r.nextInt(4); i > 0; i--) {
                    b.append(randomJson(r, depth + 1)).append(i > 1 ? "," : "");
                }
                yield b.append("]").toString();
            }
            default -> {
                String[] keys = {
                    "id",
                    "customer",
                    "region",
                    "lines",
                    "sku",
                    "quantity",
                    "unitPriceCents",
                    "coupon",
                    "x"
                };
                StringBuilder b = new StringBuilder("{");
                for (int i = r.nextInt(5); i > 0; i--) {
                    b.append('"')
                            .append(keys[r.nextInt(keys.length)])
                            .append("\":")
                            .append(randomJson(r, depth + 1))
                            .append(i > 1 ? "," : "");
                }
                yield b.append("}").toString();
            }
        };
    }
}
