package dev.spinmixed.infra;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
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
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.outputs.LoadBalancerStatus;
import com.pulumi.kubernetes.core.v1.outputs.ServiceStatus;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Spin app, once per enabled wiring, from the one image (by digest): as a SpinApp for SpinKube,
 * or as a Deployment on the AKS WASI pool. Each wiring keeps only its own components (Spin
 * selective deployment), gets {@code redis_address} from the Redis address Secret and {@code
 * redis_host} (the outbound host spin.toml allows, without the password) as plain text, and is
 * published by a LoadBalancer Service on port 80. In the namespace's default-deny, the app pods may
 * receive HTTP and call only CoreDNS and Redis.
 */
public final class SpinAppWorkloads extends ComponentResource {
    public static final String TYPE = "spinmixed:k8s:SpinAppWorkloads";
    public static final String ALLOW_HTTP = "spin-app-http";
    public static final String ALLOW_DNS = "spin-app-dns";
    public static final String ALLOW_TO_REDIS = "spin-app-to-redis";
    public static final int HTTP_PORT = 80;

    /** Spin reads variable {@code redis_address} from this environment variable. */
    public static final String REDIS_ADDRESS_ENV = "SPIN_VARIABLE_REDIS_ADDRESS";

    /** Spin reads variable {@code redis_host} from this environment variable. */
    public static final String REDIS_HOST_ENV = "SPIN_VARIABLE_REDIS_HOST";

    /**
     * containerd-shim-spin's selective deployment (what spin-operator sets for spec.components).
     */
    public static final String COMPONENTS_ENV = "SPIN_COMPONENTS_TO_RETAIN";

    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    static final String DNS_NAMESPACE = "kube-system";

    /** AKS' CoreDNS pods carry the upstream kube-dns label. */
    static final Map<String, String> DNS_PODS = Map.of("k8s-app", "kube-dns");

    static final int DNS_PORT = 53;

    /**
     * Any non-root uid: the image is FROM scratch (no user database, so the uid must be numeric)
     * and its files are world-readable.
     */
    static final int SPIN_POD_UID = 65532;

    private static final LabelSelectorArgs APP_PODS =
            LabelSelectorArgs.builder()
                    .matchLabels(Map.of(Labels.COMPONENT, Labels.SPIN_APP_COMPONENT))
                    .build();

    private final Map<Wiring, Resource> workloads = new EnumMap<>(Wiring.class);
    private final Map<Wiring, Service> services = new EnumMap<>(Wiring.class);
    private final NetworkPolicy allowHttp;
    private final NetworkPolicy allowDns;
    private final NetworkPolicy allowToRedis;

    public SpinAppWorkloads(
            String name,
            Settings settings,
            Cluster cluster,
            Output<String> imageRef,
            Redis redis,
            List<Resource> runtimeReady,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        String ns = settings.namespace();
        var child =
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(cluster.kubernetes())
                        .dependsOn(runtimeReady)
                        .build();
        var afterSecret =
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(cluster.kubernetes())
                        .dependsOn(concat(runtimeReady, redis.addressSecret()))
                        .build();

        for (Wiring wiring : settings.wirings()) {
            String workload = wiring.workloadName();
            Map<String, String> labels = Labels.of(workload, Labels.SPIN_APP_COMPONENT);
            Resource resource;
            Map<String, String> serviceSelector;
            if (settings.wasmRuntime() == WasmRuntime.SPINKUBE) {
                resource =
                        spinApp(
                                name + "-" + wiring.configValue(),
                                settings,
                                wiring,
                                imageRef,
                                redis.host(),
                                labels,
                                afterSecret);
                // spin-operator marks pods that are ready to serve this app with this label.
                serviceSelector = Map.of("core.spinkube.dev/app." + workload + ".status", "ready");
            } else {
                resource =
                        wasiDeployment(
                                name + "-" + wiring.configValue(),
                                settings,
                                wiring,
                                imageRef,
                                redis.host(),
                                labels,
                                afterSecret);
                serviceSelector = Labels.selector(workload, Labels.SPIN_APP_COMPONENT);
            }
            workloads.put(wiring, resource);
            services.put(
                    wiring,
                    new Service(
                            name + "-" + wiring.configValue(),
                            ServiceArgs.builder()
                                    .metadata(
                                            ObjectMetaArgs.builder()
                                                    .name(workload + "-public")
                                                    .namespace(ns)
                                                    .labels(labels)
                                                    .build())
                                    .spec(
                                            ServiceSpecArgs.builder()
                                                    .type("LoadBalancer")
                                                    .selector(serviceSelector)
                                                    .ports(
                                                            ServicePortArgs.builder()
                                                                    .name("http")
                                                                    .port(HTTP_PORT)
                                                                    .targetPort(HTTP_PORT)
                                                                    .build())
                                                    .build())
                                    .build(),
                            child));
        }

        this.allowHttp = allowHttp(name, ns, child);
        this.allowDns = allowDns(name, ns, child);
        this.allowToRedis = allowToRedis(name, ns, child);
        registerOutputs(Map.of());
    }

    /** The LoadBalancer's traffic reaches the app pods on the HTTP port, from anywhere. */
    private NetworkPolicy allowHttp(String name, String ns, CustomResourceOptions options) {
        return appPolicy(
                name,
                ALLOW_HTTP,
                ns,
                NetworkPolicySpecArgs.builder()
                        .podSelector(APP_PODS)
                        .policyTypes("Ingress")
                        .ingress(
                                NetworkPolicyIngressRuleArgs.builder()
                                        .ports(
                                                NetworkPolicyPortArgs.builder()
                                                        .protocol("TCP")
                                                        .port(HTTP_PORT)
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    /**
     * The app resolves Redis' Service name, so it may ask the cluster's CoreDNS, and no other
     * resolver.
     */
    private NetworkPolicy allowDns(String name, String ns, CustomResourceOptions options) {
        return appPolicy(
                name,
                ALLOW_DNS,
                ns,
                NetworkPolicySpecArgs.builder()
                        .podSelector(APP_PODS)
                        .policyTypes("Egress")
                        .egress(
                                NetworkPolicyEgressRuleArgs.builder()
                                        // One peer with both selectors: CoreDNS pods in kube-system
                                        // only.
                                        .to(
                                                NetworkPolicyPeerArgs.builder()
                                                        .namespaceSelector(
                                                                LabelSelectorArgs.builder()
                                                                        .matchLabels(
                                                                                Map.of(
                                                                                        NAMESPACE_NAME_LABEL,
                                                                                        DNS_NAMESPACE))
                                                                        .build())
                                                        .podSelector(
                                                                LabelSelectorArgs.builder()
                                                                        .matchLabels(DNS_PODS)
                                                                        .build())
                                                        .build())
                                        .ports(
                                                NetworkPolicyPortArgs.builder()
                                                        .protocol("UDP")
                                                        .port(DNS_PORT)
                                                        .build(),
                                                NetworkPolicyPortArgs.builder()
                                                        .protocol("TCP")
                                                        .port(DNS_PORT)
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    /**
     * The app's only other outbound traffic: Redis, the one outbound host spin.toml allows and the
     * server of its Redis trigger. The Redis side admits it with {@link Redis#ALLOW_FROM_APP}.
     */
    private NetworkPolicy allowToRedis(String name, String ns, CustomResourceOptions options) {
        return appPolicy(
                name,
                ALLOW_TO_REDIS,
                ns,
                NetworkPolicySpecArgs.builder()
                        .podSelector(APP_PODS)
                        .policyTypes("Egress")
                        .egress(
                                NetworkPolicyEgressRuleArgs.builder()
                                        .to(
                                                NetworkPolicyPeerArgs.builder()
                                                        .podSelector(
                                                                LabelSelectorArgs.builder()
                                                                        .matchLabels(
                                                                                Redis.POD_SELECTOR)
                                                                        .build())
                                                        .build())
                                        .ports(
                                                NetworkPolicyPortArgs.builder()
                                                        .protocol("TCP")
                                                        .port(Redis.PORT)
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    private static NetworkPolicy appPolicy(
            String name,
            String policy,
            String ns,
            NetworkPolicySpecArgs spec,
            CustomResourceOptions options) {
        return new NetworkPolicy(
                name + "-" + policy,
                NetworkPolicyArgs.builder()
                        .metadata(
                                ObjectMetaArgs.builder()
                                        .name(policy)
                                        .namespace(ns)
                                        .labels(Labels.of(policy, "network-policy"))
                                        .build())
                        .spec(spec)
                        .build(),
                options);
    }

    /**
     * No security context here: spin-operator's SpinApp and SpinAppExecutor CRDs (vendored in
     * crds/) have no field for one (the executor's deploymentConfig carries only the runtime class,
     * CA certificates and OpenTelemetry), so the operator's Deployment runs with the cluster's
     * defaults. The namespace's NetworkPolicies still apply to its pods (they carry podLabels).
     */
    private KubernetesObject spinApp(
            String resourceName,
            Settings settings,
            Wiring wiring,
            Output<String> imageRef,
            String redisHost,
            Map<String, String> labels,
            CustomResourceOptions options) {
        Output<Map<String, Object>> spec =
                imageRef.applyValue(
                        image ->
                                Map.of(
                                        "image", image,
                                        "executor", SpinKubeRuntime.EXECUTOR,
                                        "replicas", settings.appReplicas(),
                                        "components", wiring.components(),
                                        "podLabels", labels,
                                        "variables",
                                                List.of(
                                                        Map.of(
                                                                "name",
                                                                Redis.ADDRESS_KEY,
                                                                "valueFrom",
                                                                Map.of(
                                                                        "secretKeyRef",
                                                                        Map.of(
                                                                                "name",
                                                                                Redis
                                                                                        .ADDRESS_SECRET,
                                                                                "key",
                                                                                Redis
                                                                                        .ADDRESS_KEY))),
                                                        Map.of(
                                                                "name",
                                                                Redis.HOST_KEY,
                                                                "value",
                                                                redisHost)),
                                        "resources",
                                                Map.of(
                                                        "requests",
                                                        appRequests(),
                                                        "limits",
                                                        appLimits())));
        return new KubernetesObject(
                resourceName,
                new KubernetesObject.Args(
                        "core.spinkube.dev/v1alpha1",
                        "SpinApp",
                        Map.of(
                                "name",
                                wiring.workloadName(),
                                "namespace",
                                settings.namespace(),
                                "labels",
                                labels),
                        spec),
                options);
    }

    private Deployment wasiDeployment(
            String resourceName,
            Settings settings,
            Wiring wiring,
            Output<String> imageRef,
            String redisHost,
            Map<String, String> labels,
            CustomResourceOptions options) {
        String workload = wiring.workloadName();
        return new Deployment(
                resourceName,
                DeploymentArgs.builder()
                        .metadata(
                                ObjectMetaArgs.builder()
                                        .name(workload)
                                        .namespace(settings.namespace())
                                        .labels(labels)
                                        .build())
                        .spec(
                                DeploymentSpecArgs.builder()
                                        .replicas(settings.appReplicas())
                                        .selector(
                                                LabelSelectorArgs.builder()
                                                        .matchLabels(
                                                                Labels.selector(
                                                                        workload,
                                                                        Labels.SPIN_APP_COMPONENT))
                                                        .build())
                                        .template(
                                                PodTemplateSpecArgs.builder()
                                                        .metadata(
                                                                ObjectMetaArgs.builder()
                                                                        .labels(labels)
                                                                        .build())
                                                        .spec(
                                                                PodSpecArgs.builder()
                                                                        .runtimeClassName(
                                                                                AksWasiRuntime
                                                                                        .RUNTIME_CLASS)
                                                                        .nodeSelector(
                                                                                AksWasiRuntime
                                                                                        .NODE_SELECTOR)
                                                                        .tolerations(
                                                                                TolerationArgs
                                                                                        .builder()
                                                                                        .key(
                                                                                                AksWasiRuntime
                                                                                                        .TAINT_KEY)
                                                                                        .operator(
                                                                                                "Equal")
                                                                                        .value(
                                                                                                AksWasiRuntime
                                                                                                        .TAINT_VALUE)
                                                                                        .effect(
                                                                                                AksWasiRuntime
                                                                                                        .TAINT_EFFECT)
                                                                                        .build())
                                                                        .automountServiceAccountToken(
                                                                                false)
                                                                        // Harmless for a wasm pod:
                                                                        // the shim only reads
                                                                        // spin.toml and
                                                                        // the .wasm files
                                                                        // (world-readable) from the
                                                                        // image, which
                                                                        // holds no executable; the
                                                                        // guests reach the host
                                                                        // only through
                                                                        // WASI, with no files
                                                                        // granted in spin.toml, and
                                                                        // write only
                                                                        // to Redis over the
                                                                        // network. These settings
                                                                        // bound the shim
                                                                        // process itself if it were
                                                                        // ever compromised.
                                                                        .securityContext(
                                                                                PodSecurityContextArgs
                                                                                        .builder()
                                                                                        .runAsNonRoot(
                                                                                                true)
                                                                                        .runAsUser(
                                                                                                SPIN_POD_UID)
                                                                                        .runAsGroup(
                                                                                                SPIN_POD_UID)
                                                                                        .seccompProfile(
                                                                                                SeccompProfileArgs
                                                                                                        .builder()
                                                                                                        .type(
                                                                                                                "RuntimeDefault")
                                                                                                        .build())
                                                                                        .build())
                                                                        .containers(
                                                                                ContainerArgs
                                                                                        .builder()
                                                                                        .name(
                                                                                                workload)
                                                                                        .image(
                                                                                                imageRef)
                                                                                        // The shim
                                                                                        // reads
                                                                                        // spin.toml
                                                                                        // from the
                                                                                        // image; it
                                                                                        // ignores
                                                                                        // the
                                                                                        // command.
                                                                                        .command(
                                                                                                "/")
                                                                                        .env(
                                                                                                EnvVarArgs
                                                                                                        .builder()
                                                                                                        .name(
                                                                                                                REDIS_ADDRESS_ENV)
                                                                                                        .valueFrom(
                                                                                                                EnvVarSourceArgs
                                                                                                                        .builder()
                                                                                                                        .secretKeyRef(
                                                                                                                                SecretKeySelectorArgs
                                                                                                                                        .builder()
                                                                                                                                        .name(
                                                                                                                                                Redis
                                                                                                                                                        .ADDRESS_SECRET)
                                                                                                                                        .key(
                                                                                                                                                Redis
                                                                                                                                                        .ADDRESS_KEY)
                                                                                                                                        .build())
                                                                                                                        .build())
                                                                                                        .build(),
                                                                                                EnvVarArgs
                                                                                                        .builder()
                                                                                                        .name(
                                                                                                                REDIS_HOST_ENV)
                                                                                                        .value(
                                                                                                                redisHost)
                                                                                                        .build(),
                                                                                                EnvVarArgs
                                                                                                        .builder()
                                                                                                        .name(
                                                                                                                COMPONENTS_ENV)
                                                                                                        .value(
                                                                                                                String
                                                                                                                        .join(
                                                                                                                                ",",
                                                                                                                                wiring
                                                                                                                                        .components()))
                                                                                                        .build())
                                                                                        .ports(
                                                                                                ContainerPortArgs
                                                                                                        .builder()
                                                                                                        .name(
                                                                                                                "http")
                                                                                                        .containerPort(
                                                                                                                HTTP_PORT)
                                                                                                        .build())
                                                                                        .readinessProbe(
                                                                                                ProbeArgs
                                                                                                        .builder()
                                                                                                        .tcpSocket(
                                                                                                                TCPSocketActionArgs
                                                                                                                        .builder()
                                                                                                                        .port(
                                                                                                                                HTTP_PORT)
                                                                                                                        .build())
                                                                                                        .periodSeconds(
                                                                                                                10)
                                                                                                        .build())
                                                                                        .resources(
                                                                                                ResourceRequirementsArgs
                                                                                                        .builder()
                                                                                                        .requests(
                                                                                                                appRequests())
                                                                                                        .limits(
                                                                                                                appLimits())
                                                                                                        .build())
                                                                                        .securityContext(
                                                                                                SecurityContextArgs
                                                                                                        .builder()
                                                                                                        .allowPrivilegeEscalation(
                                                                                                                false)
                                                                                                        .readOnlyRootFilesystem(
                                                                                                                true)
                                                                                                        .capabilities(
                                                                                                                CapabilitiesArgs
                                                                                                                        .builder()
                                                                                                                        .drop(
                                                                                                                                "ALL")
                                                                                                                        .build())
                                                                                                        .build())
                                                                                        .build())
                                                                        .build())
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    private static Map<String, String> appRequests() {
        return Map.of("cpu", "50m", "memory", "64Mi");
    }

    private static Map<String, String> appLimits() {
        return Map.of("cpu", "500m", "memory", "256Mi");
    }

    private static List<Resource> concat(List<Resource> resources, Resource extra) {
        var all = new ArrayList<>(resources);
        all.add(extra);
        return all;
    }

    /** The SpinApp (spinkube) or Deployment (aks-wasi) of a wiring. */
    public Map<Wiring, Resource> workloads() {
        return workloads;
    }

    public Map<Wiring, Service> services() {
        return services;
    }

    public NetworkPolicy allowHttp() {
        return allowHttp;
    }

    public NetworkPolicy allowDns() {
        return allowDns;
    }

    public NetworkPolicy allowToRedis() {
        return allowToRedis;
    }

    /** {@code http://<load balancer>/<route>} per wiring, known once Azure assigns the address. */
    public Map<String, Output<String>> endpoints() {
        Map<String, Output<String>> endpoints = new TreeMap<>();
        services.forEach(
                (wiring, service) ->
                        endpoints.put(
                                wiring.configValue(),
                                service.status()
                                        .applyValue(
                                                status ->
                                                        "http://"
                                                                + address(status)
                                                                + wiring.route())));
        return endpoints;
    }

    private static String address(Optional<ServiceStatus> status) {
        return status.flatMap(ServiceStatus::loadBalancer)
                .map(LoadBalancerStatus::ingress)
                .flatMap(ingress -> ingress.stream().findFirst())
                .flatMap(ingress -> ingress.ip().or(ingress::hostname))
                .orElse("<pending load balancer>");
    }
}
