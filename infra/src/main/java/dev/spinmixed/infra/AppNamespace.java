package dev.spinmixed.infra;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * The namespace the app and Redis share, closed by default: a NetworkPolicy that selects every pod
 * and allows no traffic in either direction. Each workload then opens exactly what it serves
 * (ingress) and what it calls (egress): see {@link SpinAppWorkloads} and {@link Redis}.
 */
public final class AppNamespace extends ComponentResource {
    public static final String TYPE = "spinmixed:k8s:AppNamespace";
    public static final String DEFAULT_DENY = "default-deny";

    private final Namespace namespace;
    private final NetworkPolicy defaultDeny;

    /**
     * @param kubernetes the provider of the cluster the namespace lives in
     */
    public record Args(String namespace, Provider kubernetes) {}

    public AppNamespace(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.namespace =
                new Namespace(
                        name,
                        NamespaceArgs.builder()
                                .metadata(
                                        ObjectMetaArgs.builder()
                                                .name(args.namespace())
                                                .labels(Labels.of(args.namespace(), "namespace"))
                                                .build())
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .provider(args.kubernetes())
                                .build());
        this.defaultDeny =
                new NetworkPolicy(
                        name + "-" + DEFAULT_DENY,
                        NetworkPolicyArgs.builder()
                                .metadata(
                                        ObjectMetaArgs.builder()
                                                .name(DEFAULT_DENY)
                                                .namespace(args.namespace())
                                                .labels(Labels.of(DEFAULT_DENY, "network-policy"))
                                                .build())
                                .spec(denyAll())
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .provider(args.kubernetes())
                                .dependsOn(namespace)
                                .build());
        registerOutputs(Map.of());
    }

    /**
     * Every pod, both directions, no rules: nothing in, nothing out. Egress matters too: a
     * compromised pod must not reach other namespaces, Azure's metadata endpoint or the internet.
     */
    private static NetworkPolicySpecArgs denyAll() {
        return NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Ingress", "Egress")
                .build();
    }

    public Namespace namespace() {
        return namespace;
    }

    public NetworkPolicy defaultDeny() {
        return defaultDeny;
    }
}
