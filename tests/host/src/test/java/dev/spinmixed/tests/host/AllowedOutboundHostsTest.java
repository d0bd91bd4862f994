package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.redis.AllowedOutboundHosts;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOutboundHostsTest {

    static boolean allows(List<String> hosts, String address) {
        return AllowedOutboundHosts.parse(hosts).allows(address, "redis");
    }

    @Test
    void literalHostWithoutPortMeansTheSchemesWellKnownPort() {
        assertTrue(allows(List.of("redis://cache"), "redis://cache:6379"));
        assertTrue(allows(List.of("redis://cache"), "redis://cache"));
        assertFalse(allows(List.of("redis://cache"), "redis://cache:6380"));
        assertFalse(allows(List.of("redis://cache"), "redis://other:6379"));
    }

    @Test
    void wildcardsForSchemeHostAndPort() {
        assertTrue(allows(List.of("*://127.0.0.1:*"), "redis://127.0.0.1:41234"));
        assertTrue(allows(List.of("redis://*:6379"), "redis://anything:6379"));
        assertTrue(
                allows(List.of("redis://*.svc.local:6379"), "redis://redis.orders.svc.local:6379"));
        assertFalse(allows(List.of("redis://*.svc.local:6379"), "redis://svc.local.evil:6379"));
        assertFalse(allows(List.of("http://127.0.0.1:*"), "redis://127.0.0.1:6379"));
    }

    @Test
    void portRangesExcludeTheirEnd() {
        assertTrue(allows(List.of("redis://127.0.0.1:6000..7000"), "redis://127.0.0.1:6999"));
        assertFalse(allows(List.of("redis://127.0.0.1:6000..7000"), "redis://127.0.0.1:7000"));
    }

    @Test
    void nothingIsAllowedByAnEmptyListAndAnAddressWithoutSchemeGetsRedis() {
        assertFalse(allows(List.of(), "redis://127.0.0.1:6379"));
        assertTrue(allows(List.of("redis://127.0.0.1:6379"), "127.0.0.1:6379"));
        assertFalse(allows(List.of("redis://127.0.0.1:6379"), "not a url at all"));
    }

    @Test
    void malformedEntriesAreRefusedByName() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AllowedOutboundHosts.parse(List.of("127.0.0.1:6379")));
        assertTrue(e.getMessage().contains("\"127.0.0.1:6379\" has no scheme"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> AllowedOutboundHosts.parse(List.of("redis://a*b:1")));
        assertThrows(
                IllegalArgumentException.class,
                () -> AllowedOutboundHosts.parse(List.of("redis://host:port")));
        assertThrows(
                IllegalArgumentException.class,
                () -> AllowedOutboundHosts.parse(List.of("redis://host:1/path")));
    }
}
