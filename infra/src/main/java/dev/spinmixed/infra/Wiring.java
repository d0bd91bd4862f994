package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two wirings of the same domain components, each deployed from the one image. A wiring is made
 * of {@link Part}s: the spin.toml components that go together into one workload where the runtime
 * can keep only some of an app's components (Spin's selective deployment), and the kind of trigger
 * that runs them. {@link Workload#of} turns them into Kubernetes workloads.
 */
public enum Wiring {
    /** HTTP -> orchestrator -> validate -> price -> reserve, in-process through WIT contracts. */
    ORCHESTRATED(
            "orchestrated",
            "/orders",
            List.of(new Part("orchestrated", Trigger.HTTP, List.of("orchestrator"))),
            true),
    /**
     * HTTP ingress -> Redis -> relay -> Redis -> relay -> Redis -> relay: the baseline. The ingress
     * and the three Redis-triggered relays are separate parts, so that the ingress can scale while
     * the relays stay one subscriber.
     */
    HOPS(
            "hops",
            "/hops/orders",
            List.of(
                    new Part("hops-ingress", Trigger.HTTP, List.of("hops-ingress")),
                    new Part(
                            "hops-relays",
                            Trigger.REDIS,
                            List.of("validation-relay", "pricing-relay", "inventory-relay"))),
            false);

    /** The spin.toml trigger type that runs a part's components. */
    public enum Trigger {
        HTTP("http"),
        REDIS("redis");

        private final String spinTomlType;

        Trigger(String spinTomlType) {
            this.spinTomlType = spinTomlType;
        }

        /** As spin.toml names it: {@code [[trigger.<type>]]}. */
        public String spinTomlType() {
            return spinTomlType;
        }
    }

    /**
     * Components that run together in one workload.
     *
     * @param id names the workload: {@code orders-<id>} in Kubernetes, {@code <stack>-app-<id>} in
     *     Pulumi
     * @param trigger what runs every one of {@code components}
     * @param components the triggered spin.toml component ids the workload keeps. Their
     *     dependencies need no listing: Spin replaces a {@code { component = ... }} dependency by
     *     that component's source when it loads the manifest (spin v3.6.3
     *     crates/manifest/src/normalize.rs, normalize_dependency_component_refs), and selective
     *     deployment keeps only the components a retained trigger runs (crates/app/src/lib.rs,
     *     retain_components).
     */
    public record Part(String id, Trigger trigger, List<String> components) {
        public Part {
            components = List.copyOf(components);
        }
    }

    private final String configValue;
    private final String route;
    private final List<Part> parts;
    private final boolean needsComponentDependencies;

    Wiring(String configValue, String route, List<Part> parts, boolean needsComponentDependencies) {
        this.configValue = configValue;
        this.route = route;
        this.parts = parts;
        this.needsComponentDependencies = needsComponentDependencies;
    }

    public String configValue() {
        return configValue;
    }

    /** The HTTP route of this wiring's entry component in spin.toml. */
    public String route() {
        return route;
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * True when the wiring composes components in-process by design (that is what "orchestrated"
     * means). Whether an image's other components use dependencies too is read from its spin.toml
     * ({@link AppManifest}).
     */
    public boolean needsComponentDependencies() {
        return needsComponentDependencies;
    }

    /**
     * {@code orders-<wiring>}: what the wiring's public Service is named after, and the name of its
     * one workload where all its parts run together.
     */
    public String workloadName() {
        return Workload.NAME_PREFIX + configValue;
    }

    public static Optional<Wiring> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(w -> w.configValue.equals(value)).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values()).map(Wiring::configValue).collect(Collectors.joining(", "));
    }
}
