package dev.spinmixed.host.http;

import dev.spinmixed.spinapp.manifest.Trigger.HttpRoute;
import dev.spinmixed.spinapp.manifest.Trigger.HttpTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spin's HTTP router (Spin 3.6.3 {@code crates/routes/src/lib.rs}, {@code Router::build} and {@code
 * Router::route}, as {@code crates/trigger-http/src/server.rs} builds it with base {@code /}). A
 * route is written with a leading slash or without; {@code :name} matches one path segment, a
 * trailing {@code /...} (or {@code /*}) the rest of the path. The best route for a path follows
 * routefinder's order ({@link RoutePattern#precedence}): literal segments before {@code :name}
 * before the wildcard, so an exact route beats a wildcard and the longest prefix wins. Private
 * endpoints are not routed. A route written twice (the same text) goes to the later trigger and the
 * earlier one is reported as never used; a route under {@code /.well-known/spin/} is reported as
 * unreachable, as Spin answers that prefix itself.
 */
public final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** Spin's reserved prefix ({@code spin_http::WELL_KNOWN_PREFIX}). */
    public static final String WELL_KNOWN_PREFIX = "/.well-known/spin/";

    private record Entry(
            String rawRoute,
            String basedRoute,
            RoutePattern pattern,
            boolean trailingWildcard,
            String component) {}

    /** A trigger's route and component, for the triggers that are routed. */
    private record Routed(String route, String component) {}

    /**
     * The route of a trigger with a component: none for a private endpoint; Spin refuses {@code
     * private = false} (Spin 3.6.3 {@code crates/routes/src/lib.rs}, {@code Router::build}).
     */
    private static Optional<Routed> routed(HttpTrigger trigger) {
        if (trigger.component().isEmpty()) {
            return Optional.empty();
        }
        String component = trigger.component().get();
        if (trigger.route() instanceof HttpRoute.Private endpoint) {
            if (!endpoint.isPrivate()) {
                throw new IllegalArgumentException(
                        "route must be a string pattern or '{ private = true }': '"
                                + component
                                + "' has { private = false }");
            }
            return Optional.empty();
        }
        return Optional.of(new Routed(((HttpRoute.Path) trigger.route()).pattern(), component));
    }

    /** One routed component as Spin lists it under "Available Routes". */
    public record Listed(String route, String component) {}

    private final List<Entry> entries;

    private Router(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException for a route Spin cannot parse, with Spin's message
     */
    public static Router build(List<HttpTrigger> triggers) {
        Map<String, Routed> byRawRoute = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (HttpTrigger trigger : triggers) {
            Optional<Routed> routed = routed(trigger);
            if (routed.isEmpty()) {
                continue;
            }
            Routed t = routed.get();
            Routed replaced = byRawRoute.put(t.route(), t);
            if (replaced != null) {
                String based = withBase(replaced.route());
                duplicates.add(
                        replaced.component()
                                + ": "
                                + (based.isEmpty() ? "/" : based)
                                + " (duplicate of "
                                + t.component()
                                + ")");
            }
        }
        List<Entry> ordered = new ArrayList<>();
        for (Routed t : byRawRoute.values()) {
            Entry e = entry(t.route(), t.component());
            int at = 0;
            while (at < ordered.size() && e.pattern().precedence(ordered.get(at).pattern()) > 0) {
                at++;
            }
            ordered.add(at, e);
        }
        if (!duplicates.isEmpty()) {
            LOG.error(
                    "The following component routes are duplicates and will never be used:\n  {}",
                    String.join("\n  ", duplicates));
        }
        if (ordered.stream().anyMatch(e -> e.basedRoute().startsWith(WELL_KNOWN_PREFIX))) {
            LOG.error(
                    "Routes under {} are handled by the Spin runtime and will never be reached",
                    WELL_KNOWN_PREFIX);
        }
        return new Router(ordered);
    }

    private static Entry entry(String rawRoute, String component) {
        String based = withBase(rawRoute);
        String pattern = based;
        boolean wildcard = true;
        if (based.endsWith("/...")) {
            pattern = based.substring(0, based.length() - 4) + "/*";
        } else if (!based.endsWith("/*")) {
            wildcard = false;
        }
        RoutePattern parsed;
        try {
            parsed = RoutePattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refused(based, component, e.getMessage()), e);
        }
        if (parsed.hasInnerWildcard()) {
            // Spin accepts it, then fails every request whose matching reaches the '*': refused
            // here at start instead (see docs/spin-fidelity.md).
            throw new IllegalArgumentException(
                    refused(
                            based,
                            component,
                            "a wildcard (* or ...) must be the last segment of a route"));
        }
        return new Entry(rawRoute, based, parsed, wildcard, component);
    }

    private static String refused(String based, String component, String why) {
        return "Error parsing route "
                + based
                + " associated with component "
                + component
                + ": "
                + why;
    }

    /**
     * Spin's {@code sanitize_with_base} with base {@code /}: a leading slash added, one trailing
     * slash removed ({@code /} becomes the empty route).
     */
    static String withBase(String route) {
        String absolute = route.startsWith("/") ? route : "/" + route;
        return absolute.endsWith("/") ? absolute.substring(0, absolute.length() - 1) : absolute;
    }

    /** The route for a request path (still percent-encoded, without the query), if any. */
    public Optional<RouteMatch> route(String path) {
        for (Entry e : entries) {
            Optional<List<String>> captures = e.pattern().match(path);
            if (captures.isPresent()) {
                return Optional.of(match(e, captures.get(), path));
            }
        }
        return Optional.empty();
    }

    private static RouteMatch match(Entry e, List<String> captures, String path) {
        Map<String, String> named = new LinkedHashMap<>();
        String wildcard = null;
        int i = 0;
        for (RoutePattern.Segment s : e.pattern().segments()) {
            if (s instanceof RoutePattern.Segment.Param p) {
                named.put(p.name(), captures.get(i++));
            } else if (s instanceof RoutePattern.Segment.Wildcard) {
                wildcard = captures.get(i++);
            }
        }
        return new RouteMatch(
                e.component(), e.rawRoute(), e.basedRoute(), named, pathInfo(wildcard, path));
    }

    /**
     * Spin's {@code trailing_wildcard}: what the wildcard captured, with a leading slash and the
     * path's trailing slash kept.
     */
    private static String pathInfo(String wildcard, String path) {
        if (wildcard == null) {
            return "";
        }
        boolean slash = path.endsWith("/");
        if (wildcard.isEmpty()) {
            return slash ? "/" : "";
        }
        return "/" + wildcard + (slash ? "/" : "");
    }

    /** The routes in the order they are tried, as Spin prints them. */
    public List<Listed> describe() {
        return entries.stream()
                .map(
                        e ->
                                new Listed(
                                        e.trailingWildcard()
                                                ? wildcardPrefix(e.basedRoute()) + " (wildcard)"
                                                : e.basedRoute(),
                                        e.component()))
                .toList();
    }

    private static String wildcardPrefix(String based) {
        return based.substring(0, based.length() - (based.endsWith("/...") ? 4 : 2));
    }
}
