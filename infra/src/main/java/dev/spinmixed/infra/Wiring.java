package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two wirings of the same domain components (README, "Why: fewer network hops"), each deployed as its own workload from
 * the one image. {@code components} are the spin.toml component ids the workload keeps (Spin's
 * selective deployment); the domain components ride along because the entry components call them.
 */
public enum Wiring {
    /** HTTP -> orchestrator -> validate -> price -> reserve, in-process through WIT contracts. */
    ORCHESTRATED(
            "orchestrated",
            "/orders",
            List.of("orchestrator", "validation", "pricing", "inventory"),
            true),
    /** HTTP ingress -> Redis -> relay -> Redis -> relay -> Redis -> relay: the baseline. */
    HOPS(
            "hops",
            "/hops/orders",
            List.of(
                    "hops-ingress",
                    "validation-relay",
                    "pricing-relay",
                    "inventory-relay",
                    "validation",
                    "pricing",
                    "inventory"),
            false);

    private final String configValue;
    private final String route;
    private final List<String> components;
    private final boolean needsComponentDependencies;

    Wiring(
            String configValue,
            String route,
            List<String> components,
            boolean needsComponentDependencies) {
        this.configValue = configValue;
        this.route = route;
        this.components = components;
        this.needsComponentDependencies = needsComponentDependencies;
    }

    public String configValue() {
        return configValue;
    }

    /** The HTTP route of this wiring's entry component in spin.toml. */
    public String route() {
        return route;
    }

    public List<String> components() {
        return components;
    }

    /**
     * True when the wiring composes components in-process by design (that is what "orchestrated"
     * means). Whether an image's other components use dependencies too is read from its spin.toml
     * ({@link AppManifest}).
     */
    public boolean needsComponentDependencies() {
        return needsComponentDependencies;
    }

    /** Kubernetes name of this wiring's workload. */
    public String workloadName() {
        return "orders-" + configValue;
    }

    public static Optional<Wiring> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(w -> w.configValue.equals(value)).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values()).map(Wiring::configValue).collect(Collectors.joining(", "));
    }
}
