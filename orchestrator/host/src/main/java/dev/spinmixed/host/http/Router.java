package dev.spinmixed.host.http;

import dev.spinmixed.spinapp.manifest.Trigger.HttpRoute;
import dev.spinmixed.spinapp.manifest.Trigger.HttpTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spin's HTTP routing: a route is exact ({@code /orders}) or has a trailing wildcard ({@code
 * /hops/...}, {@code /...}); routes match whole path segments and ignore a trailing slash; an exact
 * match wins over any wildcard, and among wildcards the longest prefix wins. Private endpoints are
 * not routed. When two triggers declare the same route, the later one wins (as in Spin) and a
 * warning is logged.
 */
public final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private record Entry(String route, List<String> segments, boolean wildcard, String component) {}

    private final List<Entry> entries;

    private Router(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Router build(List<HttpTrigger> triggers) {
        Map<String, Entry> byRoute = new LinkedHashMap<>();
        for (HttpTrigger t : triggers) {
            if (!(t.route() instanceof HttpRoute.Path path) || t.component().isEmpty()) {
                continue;
            }
            String component = t.component().get();
            String route = path.pattern();
            if (!route.startsWith("/")) {
                route = "/" + route;
            }
            boolean wildcard = route.endsWith("/...") || route.equals("/...");
            String prefix = wildcard ? route.substring(0, route.length() - 3) : route;
            List<String> segments = segments(prefix);
            for (String s : segments) {
                if (s.startsWith(":") || s.equals("*") || s.equals("...")) {
                    throw new IllegalArgumentException(
                            "route '"
                                    + route
                                    + "' of component '"
                                    + component
                                    + "': only exact routes and a trailing '/...' wildcard are"
                                    + " supported");
                }
            }
            Entry replaced = byRoute.put(route, new Entry(route, segments, wildcard, component));
            if (replaced != null) {
                LOG.warn(
                        "route {} is declared twice: component '{}' handles it, not '{}'",
                        route,
                        component,
                        replaced.component());
            }
        }
        return new Router(new ArrayList<>(byRoute.values()));
    }

    public Optional<RouteMatch> route(String path) {
        List<String> pathSegments = segments(path);
        Entry best = null;
        for (Entry e : entries) {
            if (!e.wildcard() && e.segments().equals(pathSegments)) {
                return Optional.of(new RouteMatch(e.component(), e.route(), ""));
            }
            if (e.wildcard()
                    && startsWith(pathSegments, e.segments())
                    && (best == null || e.segments().size() > best.segments().size())) {
                best = e;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(
                new RouteMatch(
                        best.component(),
                        best.route(),
                        pathInfo(pathSegments, best.segments().size(), path.endsWith("/"))));
    }

    /** The routes in the manifest's order, for the start-up listing. */
    public List<String> describe() {
        return entries.stream().map(e -> e.route() + " -> " + e.component()).toList();
    }

    private static String pathInfo(List<String> path, int prefixLength, boolean trailingSlash) {
        String rest = String.join("/", path.subList(prefixLength, path.size()));
        if (rest.isEmpty()) {
            return trailingSlash ? "/" : "";
        }
        return "/" + rest + (trailingSlash ? "/" : "");
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
