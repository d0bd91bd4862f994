package dev.spinmixed.infra.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few inputs of a resource a reviewer of a plan looks at, as {@code key=value} pairs. */
final class ResourceSummary {
    /** Azure, Docker and other inputs worth showing, in this order, when the resource has them. */
    private static final List<String> KEYS =
            List.of(
                    "location",
                    "kubernetesVersion",
                    "disableLocalAccounts",
                    "agentPoolName",
                    "mode",
                    "workloadRuntime",
                    "count",
                    "vmSize",
                    "availabilityZones",
                    "nodeTaints",
                    "adminUserEnabled",
                    "imageName",
                    "chart",
                    "version",
                    "namespace");

    private ResourceSummary() {}

    @SuppressWarnings("unchecked")
    static String of(String type, Map<String, Object> inputs) {
        List<String> parts = new ArrayList<>();
        if (KubernetesType.isObject(type)) {
            Map<String, Object> metadata =
                    (Map<String, Object>) inputs.getOrDefault("metadata", Map.of());
            Object namespace = metadata.get("namespace");
            parts.add((namespace == null ? "" : namespace + "/") + metadata.get("name"));
            Map<String, Object> spec = (Map<String, Object>) inputs.getOrDefault("spec", Map.of());
            for (String key :
                    List.of(
                            "replicas",
                            "minReplicas",
                            "maxReplicas",
                            "maxUnavailable",
                            "enableAutoscaling",
                            "strategy",
                            "components",
                            "containerdRuntimeOptions",
                            "type",
                            "image",
                            "executor")) {
                if (spec.containsKey(key)) {
                    parts.add(key + "=" + plain(spec.get(key)));
                }
            }
            return String.join(" ", parts);
        }
        for (String key : KEYS) {
            if (inputs.containsKey(key)) {
                parts.add(key + "=" + plain(inputs.get(key)));
            }
        }
        if (inputs.get("sku") instanceof Map<?, ?> sku && sku.get("name") != null) {
            parts.add("sku=" + sku.get("name"));
        }
        if (inputs.get("agentPoolProfiles") instanceof List<?> pools) {
            for (Object pool : pools) {
                Map<String, Object> p = (Map<String, Object>) pool;
                parts.add(
                        "pool "
                                + p.get("name")
                                + ": "
                                + plain(p.get("count"))
                                + " x "
                                + p.get("vmSize")
                                + (p.get("availabilityZones") == null
                                        ? ""
                                        : " zones " + plain(p.get("availabilityZones"))));
            }
        }
        return String.join(" ", parts);
    }

    /** Whole numbers without the ".0" the engine's doubles carry. */
    private static String plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(ResourceSummary::plain).toList());
        }
        return String.valueOf(value);
    }
}
