package dev.spinmixed.infra;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Redis as an ordinary container beside the wasm workloads: password from secret stack config in a
 * Kubernetes Secret, a ClusterIP Service, and a NetworkPolicy that admits only the Spin app's pods.
 * No persistence: it carries pub/sub messages and short-lived keys.
 */
public final class Redis extends ComponentResource {
    public static final String TYPE = "spinmixed:k8s:Redis";

    public static final String NAME = "redis";

    /** Pinned; the alpine image runs as the redis user (uid 999). */
    public static final String IMAGE = PinnedVersions.REDIS_IMAGE;

    public static final int PORT = 6379;
    public static final String AUTH_SECRET = "redis-auth";

    /** Holds the Spin variable {@code redis_address} (redis://:password@host:port) for the app. */
    public static final String ADDRESS_SECRET = "spin-app-redis";

    public static final String ADDRESS_KEY = "redis_address";

    /**
     * Spin variable {@code redis_host} ({@code host:port}, no credentials): what spin.toml's {@code
     * allowed_outbound_hosts} names, since redis_address carries the password.
     */
    public static final String HOST_KEY = "redis_host";

    public static final String ALLOW_FROM_APP = "redis-from-spin-app";

    /**
     * What selects Redis' pods (its Deployment, Service and policies, and the app's egress to it).
     */
    static final Map<String, String> POD_SELECTOR = Labels.selector(NAME, "cache");

    static final int REDIS_UID = 999;

    /** The Spin app's pods, the only ones that may open Redis' port. */
    private static final Map<String, String> SPIN_APP_PODS =
            Map.of(Labels.COMPONENT, Labels.SPIN_APP_COMPONENT);

    private final Output<String> address;
    private final String host;
    private final Secret authSecret;
    private final Secret addressSecret;
    private final Deployment deployment;
    private final Service service;
    private final NetworkPolicy allowFromApp;

    /**
     * Where Redis runs and how large it may grow.
     *
     * @param namespaceReady the resource that creates {@code namespace}
     * @param password secret; reaches the cluster only inside the two Secrets
     * @param cpuLimit CPU limit of the container, at least {@link
     *     Settings#REDIS_CPU_REQUEST_MILLICORES}m
     * @param memoryLimit memory limit of the container, at least {@link
     *     Settings#REDIS_MEMORY_REQUEST_MIB}Mi
     */
    public record Args(
            String namespace,
            Resource namespaceReady,
            Provider kubernetes,
            Output<String> password,
            String cpuLimit,
            String memoryLimit) {}

    public Redis(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String ns = args.namespace();
        var child =
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(args.kubernetes())
                        .dependsOn(args.namespaceReady())
                        .build();
        Map<String, String> labels = Labels.of(NAME, "cache");

        this.authSecret =
                new Secret(
                        name + "-auth",
                        SecretArgs.builder()
                                .metadata(meta(AUTH_SECRET, ns, labels))
                                .type("Opaque")
                                .stringData(args.password().applyValue(p -> Map.of("password", p)))
                                .build(),
                        child);

        this.host = NAME + "." + ns + ".svc.cluster.local:" + PORT;
        this.address = args.password().applyValue(this::address).asSecret();
        this.addressSecret =
                new Secret(
                        name + "-address",
                        SecretArgs.builder()
                                .metadata(
                                        meta(
                                                ADDRESS_SECRET,
                                                ns,
                                                Labels.of(
                                                        ADDRESS_SECRET, Labels.SPIN_APP_COMPONENT)))
                                .type("Opaque")
                                .stringData(address.applyValue(value -> Map.of(ADDRESS_KEY, value)))
                                .build(),
                        child);

        this.deployment =
                new Deployment(
                        name,
                        DeploymentArgs.builder()
                                .metadata(meta(NAME, ns, labels))
                                .spec(
                                        DeploymentSpecArgs.builder()
                                                .replicas(1)
                                                .selector(matchLabels(POD_SELECTOR))
                                                .template(template(labels, args))
                                                .build())
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .provider(args.kubernetes())
                                .dependsOn(List.of(args.namespaceReady(), authSecret))
                                .build());

        this.service =
                new Service(
                        name,
                        ServiceArgs.builder()
                                .metadata(meta(NAME, ns, labels))
                                .spec(
                                        ServiceSpecArgs.builder()
                                                .type("ClusterIP")
                                                .selector(POD_SELECTOR)
                                                .ports(
                                                        ServicePortArgs.builder()
                                                                .name(NAME)
                                                                .port(PORT)
                                                                .targetPort(NAME)
                                                                .build())
                                                .build())
                                .build(),
                        child);

        this.allowFromApp =
                new NetworkPolicy(
                        name + "-" + ALLOW_FROM_APP,
                        NetworkPolicyArgs.builder()
                                .metadata(
                                        meta(
                                                ALLOW_FROM_APP,
                                                ns,
                                                Labels.of(ALLOW_FROM_APP, "network-policy")))
                                .spec(allowFromAppSpec())
                                .build(),
                        child);

        registerOutputs(Map.of());
    }

    private String address(String password) {
        return "redis://:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + host;
    }

    private static PodTemplateSpecArgs template(Map<String, String> labels, Args args) {
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                .spec(pod(args))
                .build();
    }

    /** Non-root as the image's redis user, no persistence, the password from its Secret. */
    private static PodSpecArgs pod(Args args) {
        return PodSpecArgs.builder()
                .automountServiceAccountToken(false)
                .securityContext(
                        PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(REDIS_UID)
                                .runAsGroup(REDIS_UID)
                                .fsGroup(REDIS_UID)
                                .seccompProfile(
                                        SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                .build())
                .containers(container(args))
                .volumes(
                        VolumeArgs.builder()
                                .name("data")
                                .emptyDir(EmptyDirVolumeSourceArgs.builder().build())
                                .build())
                .build();
    }

    private static ContainerArgs container(Args args) {
        var passwordFromSecret =
                EnvVarSourceArgs.builder()
                        .secretKeyRef(
                                SecretKeySelectorArgs.builder()
                                        .name(AUTH_SECRET)
                                        .key("password")
                                        .build())
                        .build();
        return ContainerArgs.builder()
                .name(NAME)
                .image(IMAGE)
                // $(REDIS_PASSWORD) is expanded by the kubelet from the Secret.
                .args("--requirepass", "$(REDIS_PASSWORD)", "--save", "", "--appendonly", "no")
                .env(
                        EnvVarArgs.builder()
                                .name("REDIS_PASSWORD")
                                .valueFrom(passwordFromSecret)
                                .build(),
                        EnvVarArgs.builder()
                                .name("REDISCLI_AUTH")
                                .valueFrom(passwordFromSecret)
                                .build())
                .ports(ContainerPortArgs.builder().name(NAME).containerPort(PORT).build())
                .readinessProbe(
                        ProbeArgs.builder()
                                .exec(ExecActionArgs.builder().command("redis-cli", "ping").build())
                                .periodSeconds(10)
                                .timeoutSeconds(2)
                                .build())
                .livenessProbe(
                        ProbeArgs.builder()
                                .tcpSocket(TCPSocketActionArgs.builder().port(PORT).build())
                                .initialDelaySeconds(10)
                                .periodSeconds(20)
                                .build())
                .resources(
                        ResourceRequirementsArgs.builder()
                                .requests(
                                        Map.of(
                                                "cpu",
                                                Settings.REDIS_CPU_REQUEST_MILLICORES + "m",
                                                "memory",
                                                Settings.REDIS_MEMORY_REQUEST_MIB + "Mi"))
                                .limits(
                                        Map.of(
                                                "cpu",
                                                args.cpuLimit(),
                                                "memory",
                                                args.memoryLimit()))
                                .build())
                .securityContext(
                        SecurityContextArgs.builder()
                                .allowPrivilegeEscalation(false)
                                .readOnlyRootFilesystem(true)
                                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                                .build())
                .volumeMounts(VolumeMountArgs.builder().name("data").mountPath("/data").build())
                .build();
    }

    /** Only the Spin app's pods may open Redis' port. */
    private static NetworkPolicySpecArgs allowFromAppSpec() {
        return NetworkPolicySpecArgs.builder()
                .podSelector(matchLabels(POD_SELECTOR))
                .policyTypes("Ingress")
                .ingress(
                        NetworkPolicyIngressRuleArgs.builder()
                                .from(
                                        NetworkPolicyPeerArgs.builder()
                                                .podSelector(matchLabels(SPIN_APP_PODS))
                                                .build())
                                .ports(
                                        NetworkPolicyPortArgs.builder()
                                                .protocol("TCP")
                                                .port(PORT)
                                                .build())
                                .build())
                .build();
    }

    private static LabelSelectorArgs matchLabels(Map<String, String> labels) {
        return LabelSelectorArgs.builder().matchLabels(labels).build();
    }

    private static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build();
    }

    /**
     * The app's {@code redis_address} ({@code redis://:<password>@redis.<ns>...:6379}), a secret.
     */
    public Output<String> address() {
        return address;
    }

    /** The app's {@code redis_host}: {@code redis.<ns>.svc.cluster.local:6379}, not secret. */
    public String host() {
        return host;
    }

    public Secret authSecret() {
        return authSecret;
    }

    public Secret addressSecret() {
        return addressSecret;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Service service() {
        return service;
    }

    public NetworkPolicy allowFromApp() {
        return allowFromApp;
    }
}
