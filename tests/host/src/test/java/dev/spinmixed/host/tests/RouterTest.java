package dev.spinmixed.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.http.RouteMatch;
import dev.spinmixed.host.http.Router;
import dev.spinmixed.spinapp.manifest.Trigger.HttpTrigger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** Routes as alternating route, component. */
    static Router router(String... routesAndComponents) {
        List<HttpTrigger> triggers = new java.util.ArrayList<>();
        for (int i = 0; i < routesAndComponents.length; i += 2) {
            triggers.add(HttpTrigger.of(routesAndComponents[i], routesAndComponents[i + 1]));
        }
        return Router.build(triggers);
    }

    static String component(Router r, String path) {
        return r.route(path).map(RouteMatch::component).orElse("<none>");
    }

    @Test
    void exactRouteMatchesOnlyItsPathWithOrWithoutTrailingSlash() {
        Router r = router("/cart", "cart", "/cart/checkout", "checkout");
        assertEquals("cart", component(r, "/cart"));
        assertEquals("cart", component(r, "/cart/"));
        assertEquals("checkout", component(r, "/cart/checkout"));
        assertEquals("<none>", component(r, "/cart/other"));
        assertEquals("<none>", component(r, "/cartx"));
    }

    @Test
    void wildcardMatchesWholeSegmentsOnly() {
        Router r = router("/hops/...", "hops");
        assertEquals("hops", component(r, "/hops"));
        assertEquals("hops", component(r, "/hops/orders"));
        assertEquals("hops", component(r, "/hops/a/b/c"));
        assertEquals("<none>", component(r, "/hopscotch"));
    }

    @Test
    void exactBeatsWildcardAndLongestWildcardWinsRegardlessOfOrder() {
        for (Router r :
                List.of(
                        router(
                                "/...",
                                "all",
                                "/one/...",
                                "one",
                                "/one/two/...",
                                "two",
                                "/one",
                                "exact"),
                        router(
                                "/one",
                                "exact",
                                "/one/two/...",
                                "two",
                                "/one/...",
                                "one",
                                "/...",
                                "all"))) {
            assertEquals("exact", component(r, "/one"));
            assertEquals("one", component(r, "/one/x"));
            assertEquals("two", component(r, "/one/two/three/four"));
            assertEquals("all", component(r, "/"));
            assertEquals("all", component(r, "/elsewhere"));
        }
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
    }

    @Test
    void componentRouteDropsTheWildcard() {
        RouteMatch m = router("/foo/...", "f").route("/foo/bar").orElseThrow();
        assertEquals("/foo/...", m.route());
        assertEquals("/foo", m.componentRoute());
    }

    @Test
    void privateEndpointsAreNotRouted() {
        Router r =
                Router.build(
                        List.of(
                                HttpTrigger.privateEndpoint("internal"),
                                HttpTrigger.of("/a", "a")));
        assertEquals(List.of("/a -> a"), r.describe());
    }

    @Test
    void aDuplicateRouteGoesToTheLaterComponent() {
        assertEquals("second", component(router("/x", "first", "/x", "second"), "/x"));
    }

    @Test
    void namedSegmentsAreRefusedWithTheRouteAndComponent() {
        var e = assertThrows(IllegalArgumentException.class, () -> router("/users/:id", "users"));
        assertTrue(e.getMessage().contains("'/users/:id' of component 'users'"), e.getMessage());
    }

    @Test
    void noRoutesMatchNothing() {
        assertEquals(Optional.empty(), router().route("/"));
        assertTrue(Arrays.asList(router("/a", "a").describe().toArray()).contains("/a -> a"));
    }
}
