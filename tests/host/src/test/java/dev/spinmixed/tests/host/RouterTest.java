package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.http.RouteMatch;
import dev.spinmixed.host.http.Router;
import dev.spinmixed.spinapp.manifest.Trigger.HttpTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Spin 3.6.3's routing (crates/routes/src/lib.rs with routefinder 0.5.4): each case here is one of
 * Spin's own route tests, or a rule of routefinder's matching and ordering.
 */
class RouterTest {

    /** Routes as alternating route, component. */
    static Router router(String... routesAndComponents) {
        List<HttpTrigger> triggers = new ArrayList<>();
        for (int i = 0; i < routesAndComponents.length; i += 2) {
            triggers.add(HttpTrigger.of(routesAndComponents[i], routesAndComponents[i + 1]));
        }
        return Router.build(triggers);
    }

    static String component(Router r, String path) {
        return r.route(path).map(RouteMatch::component).orElse("<none>");
    }

    @Test
    void exactRoutesMatchTheirPathWithOrWithoutTrailingSlashAndEmptySegments() {
        Router r = router("/foo", "foo", "/foo/bar", "foobar");
        assertEquals("foo", component(r, "/foo"));
        assertEquals("foo", component(r, "/foo/"));
        assertEquals("foo", component(r, "//foo//"));
        assertEquals("foobar", component(r, "/foo/bar"));
        assertEquals("<none>", component(r, "/foo/other"));
        assertEquals("<none>", component(r, "/foox"));
    }

    @Test
    void aRouteWithoutLeadingSlashIsAbsolutizedButKeptAsWrittenForTheRawRoute() {
        RouteMatch m = router("hops/...", "hops").route("/hops/orders").orElseThrow();
        assertEquals("/hops/...", m.basedRoute());
        assertEquals("hops/...", m.rawRoute());
        assertEquals("hops", m.componentRoute());
        RouteMatch root = router("/", "root").route("/").orElseThrow();
        assertEquals("", root.basedRoute(), "Spin's base joins \"\" and \"/\" with a slash cut");
        assertEquals("/", root.rawRoute());
    }

    @Test
    void wildcardMatchesWholeSegmentsOnly() {
        Router r = router("/...", "all");
        assertEquals("all", component(r, "/foo/bar"));
        assertEquals("all", component(r, "/abc/"));
        assertEquals("all", component(r, "/"));
        Router hops = router("/hops/...", "hops");
        assertEquals("hops", component(hops, "/hops"));
        assertEquals("hops", component(hops, "/hops/a/b/c"));
        assertEquals("<none>", component(hops, "/hopscotch"));
    }

    @Test
    void theLongestWildcardWinsRegardlessOfOrderAndExactBeatsWildcard() {
        for (Router r :
                List.of(
                        router("/one/...", "one", "/one/two/...", "two", "/one", "exact"),
                        router("/one", "exact", "/one/two/...", "two", "/one/...", "one"))) {
            assertEquals("two", component(r, "/one/two/three/four"));
            assertEquals("one", component(r, "/one/x"));
            assertEquals("exact", component(r, "/one"));
        }
        assertEquals("one_exact", component(router("/one", "one_exact", "/...", "w"), "/one"));
    }

    @Test
    void aLiteralSegmentBeatsANamedOneWhichBeatsAWildcard() {
        for (Router r :
                List.of(
                        router("/users/...", "any", "/users/:id", "one", "/users/me", "me"),
                        router("/users/me", "me", "/users/:id", "one", "/users/...", "any"))) {
            assertEquals("me", component(r, "/users/me"));
            assertEquals("one", component(r, "/users/42"));
            assertEquals("any", component(r, "/users/42/orders"));
            assertEquals("any", component(r, "/users"));
        }
    }

    @Test
    void namedSegmentsAreCapturedInTheRoutesOrder() {
        RouteMatch m = router("/1/:two/:three/...", "c").route("/1/2/3/4/5").orElseThrow();
        assertEquals(Map.of("two", "2", "three", "3"), m.namedWildcards());
        assertEquals(List.of("two", "three"), List.copyOf(m.namedWildcards().keySet()));
        assertEquals("/4/5", m.pathInfo());
        assertEquals("/1/:two/:three", m.componentRoute());
    }

    @Test
    void aNamedSegmentStopsAtADotWhenTheRouteHasOne() {
        Router r = router("/files/:name.json", "json");
        assertEquals(
                Map.of("name", "report"),
                r.route("/files/report.json").orElseThrow().namedWildcards());
        assertEquals("<none>", component(r, "/files/report"));
        assertEquals("<none>", component(r, "/files/report.xml"));
    }

    @Test
    void pathInfoIsWhatTheWildcardCapturedKeepingTheTrailingSlash() {
        Router r = router("/test/...", "t", "/exact", "e");
        assertEquals("", r.route("/test").orElseThrow().pathInfo());
        assertEquals("/", r.route("/test/").orElseThrow().pathInfo());
        assertEquals("/hello", r.route("/test/hello").orElseThrow().pathInfo());
        assertEquals("/hello/", r.route("/test/hello/").orElseThrow().pathInfo());
        assertEquals("", r.route("/exact").orElseThrow().pathInfo());
        assertEquals("/1/2/3", router("/...", "all").route("/1/2/3").orElseThrow().pathInfo());
        assertEquals("/2/3", router("/1/...", "c").route("/1/2/3").orElseThrow().pathInfo());
    }

    @Test
    void aTrailingStarIsAWildcardToo() {
        RouteMatch m = router("/static/*", "files").route("/static/a/b").orElseThrow();
        assertEquals("files", m.component());
        assertEquals("/a/b", m.pathInfo());
        assertEquals("/static/*", m.componentRoute(), "only /... is cut from the component route");
    }

    @Test
    void privateEndpointsAreNotRouted() {
        Router r =
                Router.build(
                        List.of(
                                HttpTrigger.of("/", "root"),
                                HttpTrigger.privateEndpoint("internal"),
                                HttpTrigger.of("/whee/...", "whee")));
        assertEquals(
                List.of(
                        new Router.Listed("", "root"),
                        new Router.Listed("/whee (wildcard)", "whee")),
                r.describe());
    }

    @Test
    void aDuplicateRouteGoesToTheLaterComponentAndKeepsItsPlace() {
        Router r = router("/", "root", "/foo", "first", "/foo", "second", "/whee/...", "whee");
        assertEquals("second", component(r, "/foo"));
        assertEquals(3, r.describe().size());
    }

    @Test
    void routesAreListedInTheOrderTheyAreTried() {
        Router r = router("/...", "all", "/a/:x", "x", "/a/b", "b", "/a", "a");
        assertEquals(
                List.of(
                        new Router.Listed("/a", "a"),
                        new Router.Listed("/a/b", "b"),
                        new Router.Listed("/a/:x", "x"),
                        new Router.Listed(" (wildcard)", "all")),
                r.describe());
    }

    @Test
    void badRoutesAreRefusedWithSpinsMessage() {
        var unnamed = assertThrows(IllegalArgumentException.class, () -> router("/users/:", "u"));
        assertEquals(
                "Error parsing route /users/: associated with component u: params must be named",
                unnamed.getMessage());
        var named = assertThrows(IllegalArgumentException.class, () -> router("/a/*rest", "a"));
        assertEquals(
                "Error parsing route /a/*rest associated with component a: since there can only be"
                        + " one wildcard, it doesn't need a name. replace `*rest` with `*`",
                named.getMessage());
        var inner = assertThrows(IllegalArgumentException.class, () -> router("/a/*/b", "a"));
        assertTrue(
                inner.getMessage()
                        .startsWith("Error parsing route /a/*/b associated with component a:"),
                inner.getMessage());
    }

    @Test
    void aPrivateFalseRouteIsRefusedWithSpinsMessage() {
        HttpTrigger notPrivate =
                new HttpTrigger(
                        "x",
                        Optional.of("internal"),
                        new dev.spinmixed.spinapp.manifest.Trigger.HttpRoute.Private(false),
                        Optional.empty(),
                        new dev.spinmixed.spinapp.manifest.Trigger.HttpExecutor.Http());
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> Router.build(List.of(notPrivate)));
        assertEquals(
                "route must be a string pattern or '{ private = true }': 'internal' has { private ="
                        + " false }",
                e.getMessage());
    }

    @Test
    void noRoutesMatchNothing() {
        assertEquals(Optional.empty(), router().route("/"));
    }
}
