package dev.spinmixed.host.http;

import java.util.Map;

/**
 * The route that won for a request path, with what Spin derives from it ({@code
 * crates/routes/src/lib.rs}, {@code RouteMatch}).
 *
 * @param rawRoute the route as written in the manifest, e.g. {@code hops/...}
 * @param basedRoute the route with Spin's base applied: a leading slash, one trailing slash
 *     removed, e.g. {@code /hops/...}
 * @param namedWildcards what each {@code :name} captured, in the route's order
 * @param pathInfo what the trailing wildcard captured ({@code ""} without one)
 */
public record RouteMatch(
        String component,
        String rawRoute,
        String basedRoute,
        Map<String, String> namedWildcards,
        String pathInfo) {

    public RouteMatch {
        namedWildcards =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(namedWildcards));
    }

    /** The raw route without a trailing {@code /...}: Spin's {@code spin-component-route}. */
    public String componentRoute() {
        return rawRoute.endsWith("/...") ? rawRoute.substring(0, rawRoute.length() - 4) : rawRoute;
    }
}
