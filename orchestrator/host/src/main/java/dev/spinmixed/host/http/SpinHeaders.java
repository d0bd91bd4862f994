package dev.spinmixed.host.http;

import dev.spinmixed.host.runtime.Header;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers Spin's HTTP executor passes to a guest (Spin 3.6.3 {@code
 * crates/trigger-http/src/headers.rs}, {@code prepare_request_headers} and {@code
 * compute_default_headers}): every header of the request as it arrived, names in lower case, values
 * decoded as UTF-8 (a client's own {@code spin-*} headers included: Spin does not remove them),
 * then Spin's own, in Spin's order: {@code spin-path-info}, {@code spin-full-url}, {@code
 * spin-matched-route}, {@code spin-base-path}, {@code spin-raw-component-route}, {@code
 * spin-component-route}, {@code spin-client-addr}, and one {@code spin-path-match-<name>} per
 * {@code :name} of the route.
 */
final class SpinHeaders {

    /** A request header value that is not UTF-8: Spin fails the request (500). */
    static final class NotUtf8Exception extends Exception {
        NotUtf8Exception(String name) {
            super("the value of request header '" + name + "' is not valid UTF-8");
        }
    }

    private SpinHeaders() {}

    /**
     * @param requestHeaders the request's headers as the server decoded them (ISO-8859-1, any case)
     * @param host the Host header, or {@code localhost} when the request has none
     * @param pathAndQuery the request target as sent, e.g. {@code /hops/orders?x=1}
     */
    static List<Header> forGuest(
            List<Header> requestHeaders,
            RouteMatch match,
            String scheme,
            String host,
            String pathAndQuery,
            InetSocketAddress client)
            throws NotUtf8Exception {
        List<Header> out = new ArrayList<>();
        for (Header h : requestHeaders) {
            out.add(new Header(h.name().toLowerCase(Locale.ROOT), utf8(h.name(), h.value())));
        }
        out.add(new Header("spin-path-info", match.pathInfo()));
        out.add(new Header("spin-full-url", scheme + "://" + host + pathAndQuery));
        out.add(new Header("spin-matched-route", match.basedRoute()));
        out.add(new Header("spin-base-path", "/"));
        out.add(new Header("spin-raw-component-route", match.rawRoute()));
        out.add(new Header("spin-component-route", match.componentRoute()));
        out.add(new Header("spin-client-addr", socketAddress(client)));
        for (Map.Entry<String, String> w : match.namedWildcards().entrySet()) {
            out.add(new Header(pathMatchHeader(w.getKey()), w.getValue()));
        }
        return out;
    }

    /**
     * {@code SPIN_PATH_MATCH_<NAME>} turned into a header name as Spin does: ASCII lower case,
     * underscores to dashes.
     */
    static String pathMatchHeader(String name) {
        StringBuilder b = new StringBuilder("spin-path-match-");
        for (char c : name.toCharArray()) {
            b.append(c == '_' ? '-' : c < 128 ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }

    /** A header value received as ISO-8859-1 (one char per byte), decoded as UTF-8. */
    static String utf8(String name, String latin1) throws NotUtf8Exception {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception(name);
        }
    }

    /**
     * A socket address as Rust's {@code SocketAddr} displays it: {@code [::1]:80}, {@code
     * 1.2.3.4:80}.
     */
    static String socketAddress(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress() + ":" + address.getPort();
        }
        Inet6Address v6 = (Inet6Address) ip;
        String scope = v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "";
        return "[" + ipv6(v6.getAddress()) + scope + "]:" + address.getPort();
    }

    /**
     * RFC 5952 text, as Rust prints an {@code Ipv6Addr}: lower-case hex, the longest run of two or
     * more zero groups (the first of equals) as {@code ::}, an IPv4-mapped address as {@code
     * ::ffff:a.b.c.d}.
     */
    static String ipv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:"
                    + (a[12] & 0xff)
                    + "."
                    + (a[13] & 0xff)
                    + "."
                    + (a[14] & 0xff)
                    + "."
                    + (a[15] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}
