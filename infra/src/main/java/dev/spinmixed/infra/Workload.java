package dev.spinmixed.infra;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One Kubernetes workload of the app, a SpinApp (spinkube) or a Deployment (aks-wasi): which of the
 * image's components it runs and what triggers them.
 *
 * <p>A workload that runs a Redis trigger is a singleton. Spin's Redis trigger is plain pub/sub:
 * each of its processes SUBSCRIBEs to the channels (spin v3.6.3 crates/trigger-redis/src/lib.rs,
 * Subscriber::run_listener) and Redis hands every message to every subscriber, with no consumer
 * group to share them. With N replicas each hop would run N times, and the hops multiply (N
 * validations, N² pricings, N³ reservations for one order). Every other workload scales.
 *
 * @param id names the workload: {@code orders-<id>} in Kubernetes (the SpinApp, its Deployment),
 *     {@code <stack>-app-<id>} in Pulumi
 * @param components the spin.toml components it keeps; empty: the whole image, on a runtime without
 *     selective deployment
 * @param triggers the kinds of trigger among the components it runs
 */
public record Workload(
        Wiring wiring, String id, List<String> components, Set<Wiring.Trigger> triggers) {
    static final String NAME_PREFIX = "orders-";

    public Workload {
        components = List.copyOf(components);
        triggers = Set.copyOf(triggers);
    }

    /**
     * A wiring's workloads on {@code runtime}: one per {@link Wiring.Part} where the runtime keeps
     * only some components, else one running the whole image.
     */
    public static List<Workload> of(Wiring wiring, WasmRuntime runtime) {
        if (runtime.selectiveDeployment()) {
            return wiring.parts().stream()
                    .map(
                            part ->
                                    new Workload(
                                            wiring,
                                            part.id(),
                                            part.components(),
                                            Set.of(part.trigger())))
                    .toList();
        }
        Set<Wiring.Trigger> triggers = EnumSet.noneOf(Wiring.Trigger.class);
        wiring.parts().forEach(part -> triggers.add(part.trigger()));
        return List.of(new Workload(wiring, wiring.configValue(), List.of(), triggers));
    }

    /** The Kubernetes name of the workload's SpinApp or Deployment. */
    public String name() {
        return NAME_PREFIX + id;
    }

    /** Runs an HTTP trigger: published by a Service, admitted HTTP by the namespace's policies. */
    public boolean servesHttp() {
        return triggers.contains(Wiring.Trigger.HTTP);
    }

    /** Exactly one replica and no autoscaler, because it subscribes to Redis channels. */
    public boolean singleton() {
        return triggers.contains(Wiring.Trigger.REDIS);
    }
}
