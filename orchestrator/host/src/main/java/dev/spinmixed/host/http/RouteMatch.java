package dev.spinmixed.host.http;

/**
 * The route that won for a request path. {@code route} is as written in the manifest (e.g. {@code
 * /hops/...}); {@code pathInfo} is the part of the path the trailing wildcard captured ({@code ""}
 * for an exact route).
 */
public record RouteMatch(String component, String route, String pathInfo) {

    /** The route without its trailing wildcard: Spin's {@code spin-component-route}. */
    public String componentRoute() {
        return route.endsWith("/...") ? route.substring(0, route.length() - 4) : route;
    }
}
