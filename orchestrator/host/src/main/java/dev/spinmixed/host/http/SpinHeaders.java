package dev.spinmixed.host.http;

import dev.spinmixed.host.runtime.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The headers Spin's HTTP executor passes to a guest: the request's own headers with lower-case
 * names ({@code connection} dropped, as Spin does), then Spin's routing information. A client's own
 * header with the name of one of Spin's is dropped, as Spin replaces them: a guest must be able to
 * trust {@code spin-path-info} and {@code spin-client-addr}.
 */
final class SpinHeaders {

    private static final Set<String> SET_BY_HOST =
            Set.of(
                    "connection",
                    "spin-path-info",
                    "spin-full-url",
                    "spin-matched-route",
                    "spin-base-path",
                    "spin-raw-component-route",
                    "spin-component-route",
                    "spin-client-addr");

    private SpinHeaders() {}

    /**
     * @param requestHeaders the request's headers as received (any case)
     * @param pathAndQuery the request target, e.g. {@code /hops/orders?x=1}
     * @param host the Host header, or {@code localhost} when absent
     * @param clientAddress {@code ip:port} of the client
     */
    static List<Header> forGuest(
            List<Header> requestHeaders,
            RouteMatch match,
            String scheme,
            String host,
            String pathAndQuery,
            String clientAddress) {
        List<Header> out = new ArrayList<>();
        for (Header h : requestHeaders) {
            String name = h.name().toLowerCase(java.util.Locale.ROOT);
            if (!SET_BY_HOST.contains(name)) {
                out.add(new Header(name, h.value()));
            }
        }
        out.add(new Header("spin-path-info", match.pathInfo()));
        out.add(new Header("spin-full-url", scheme + "://" + host + pathAndQuery));
        out.add(new Header("spin-matched-route", match.route()));
        out.add(new Header("spin-base-path", "/"));
        out.add(new Header("spin-raw-component-route", match.route()));
        out.add(new Header("spin-component-route", match.componentRoute()));
        out.add(new Header("spin-client-addr", clientAddress));
        return out;
    }
}
