package dev.spinmixed.tests.stack;

import static dev.spinmixed.tests.stack.Json.list;
import static dev.spinmixed.tests.stack.Json.map;
import static dev.spinmixed.tests.stack.Json.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.infra.plan.ProviderMocks;
import dev.spinmixed.infra.plan.ProviderMocks.Declared;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app namespace's NetworkPolicies, the same in both runtime modes: default-deny both ways, then
 * the pods of the HTTP workloads may receive HTTP from anywhere, every app pod may call only
 * CoreDNS and Redis, and Redis admits only the app pods.
 */
final class AppNetworkPolicies {
    static final String TYPE = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final String DENY = "dev-ns-default-deny";
    static final String HTTP = "dev-app-spin-app-http";
    static final String DNS = "dev-app-spin-app-dns";
    static final String TO_REDIS = "dev-app-spin-app-to-redis";
    static final String REDIS_FROM_APP = "dev-redis-redis-from-spin-app";
    static final Map<String, Object> APP_PODS =
            Map.of("matchLabels", Map.of("app.kubernetes.io/component", "spin-app"));
    static final Map<String, Object> HTTP_PODS =
            Map.of(
                    "matchLabels",
                    Map.of(
                            "app.kubernetes.io/component",
                            "spin-app",
                            "spinmixed.dev/serves-http",
                            "true"));

    private AppNetworkPolicies() {}

    /**
     * {@code appPodLabels}: the labels one workload's pods carry (SpinApp podLabels, or the
     * Deployment's template); {@code servesHttp}: whether HTTP may reach them.
     */
    static void assertOnlyTheExplicitAllows(
            ProviderMocks mocks, Map<String, Object> appPodLabels, boolean servesHttp) {
        assertEquals(
                Set.of(DENY, HTTP, DNS, TO_REDIS, REDIS_FROM_APP),
                mocks.ofType(TYPE).stream().map(Declared::name).collect(Collectors.toSet()),
                "every policy is named here");
        for (Declared policy : mocks.ofType(TYPE)) {
            assertEquals(
                    "spin-mixed", string(policy.inputs(), "metadata", "namespace"), policy.name());
        }

        var deny = mocks.one(TYPE, DENY).inputs();
        assertEquals(
                Map.of(), map(deny, "spec", "podSelector"), "selects every pod of the namespace");
        assertEquals(List.of("Ingress", "Egress"), list(deny, "spec", "policyTypes"));
        assertFalse(map(deny, "spec").containsKey("ingress"), "admits nothing");
        assertFalse(map(deny, "spec").containsKey("egress"), "lets nothing out");

        // The LoadBalancer's traffic still reaches the HTTP workloads' pods: port 80 from any
        // source.
        var http = mocks.one(TYPE, HTTP).inputs();
        assertEquals(HTTP_PODS, map(http, "spec", "podSelector"));
        assertEquals(List.of("Ingress"), list(http, "spec", "policyTypes"));
        assertEquals(
                List.of(Map.of("ports", List.of(Map.of("protocol", "TCP", "port", 80.0)))),
                list(http, "spec", "ingress"));

        var dns = mocks.one(TYPE, DNS).inputs();
        assertEquals(APP_PODS, map(dns, "spec", "podSelector"));
        assertEquals(List.of("Egress"), list(dns, "spec", "policyTypes"));
        assertEquals(
                List.of(
                        Map.of(
                                "to",
                                        List.of(
                                                Map.of(
                                                        "namespaceSelector",
                                                                Map.of(
                                                                        "matchLabels",
                                                                        Map.of(
                                                                                "kubernetes.io/metadata.name",
                                                                                "kube-system")),
                                                        "podSelector",
                                                                Map.of(
                                                                        "matchLabels",
                                                                        Map.of(
                                                                                "k8s-app",
                                                                                "kube-dns")))),
                                "ports",
                                        List.of(
                                                Map.of("protocol", "UDP", "port", 53.0),
                                                Map.of("protocol", "TCP", "port", 53.0)))),
                list(dns, "spec", "egress"));

        var redisPods =
                map(
                        mocks.one("kubernetes:apps/v1:Deployment", "dev-redis").inputs(),
                        "spec",
                        "template",
                        "metadata",
                        "labels");
        var toRedis = mocks.one(TYPE, TO_REDIS).inputs();
        assertEquals(APP_PODS, map(toRedis, "spec", "podSelector"));
        assertEquals(List.of("Egress"), list(toRedis, "spec", "policyTypes"));
        assertEquals(
                List.of("ports", "to"),
                map(toRedis, "spec", "egress", 0).keySet().stream().sorted().toList());
        assertEquals(
                List.of(Map.of("protocol", "TCP", "port", 6379.0)),
                list(toRedis, "spec", "egress", 0, "ports"));
        var redisPeer = map(toRedis, "spec", "egress", 0, "to", 0, "podSelector", "matchLabels");
        assertTrue(
                redisPods.entrySet().containsAll(redisPeer.entrySet()),
                "the egress peer is Redis' pods: " + redisPeer);
        assertEquals(1, list(toRedis, "spec", "egress").size());
        assertEquals(1, list(toRedis, "spec", "egress", 0, "to").size());

        // Every app policy applies to the pods that actually run the app (HTTP: only those of the
        // HTTP workloads), and to no Redis pod.
        var appSelector = map(APP_PODS, "matchLabels");
        assertTrue(
                appPodLabels.entrySet().containsAll(appSelector.entrySet()),
                "app pods " + appPodLabels);
        assertEquals(
                servesHttp,
                appPodLabels.entrySet().containsAll(map(HTTP_PODS, "matchLabels").entrySet()),
                "HTTP reaches pods " + appPodLabels);
        assertFalse(
                redisPods.entrySet().containsAll(appSelector.entrySet()),
                "Redis pods " + redisPods);
    }
}
