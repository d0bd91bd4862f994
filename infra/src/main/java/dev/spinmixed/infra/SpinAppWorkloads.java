package dev.spinmixed.infra;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
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
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Spin app's workloads ({@link Workload}), from the one image (by digest): as SpinApps for
 * SpinKube, or as Deployments on the AKS WASI pool ({@link WasiDeployment}). Each gets {@code
 * redis_address} from the Redis address Secret and {@code redis_host} (the outbound host spin.toml
 * allows, without the password) as plain text; each wiring's HTTP workload is published by a
 * LoadBalancer Service on port 80.
 *
 * <p>An HTTP workload scales on CPU: an {@code autoscaling/v2} HorizontalPodAutoscaler owns the
 * replica count of its Deployment (the SpinApp sets {@code enableAutoscaling}, so spin-operator
 * 0.6.1 leaves the count to it and refuses a {@code replicas} beside it), between the minimum and
 * maximum of its {@link Args}; from two replicas on, a PodDisruptionBudget lets a node drain take
 * only one pod at a time. A workload that subscribes to Redis runs exactly one replica, with no
 * autoscaler and no budget ({@link Workload#singleton()}).
 *
 * <p>In the namespace's default-deny, the app pods may call only CoreDNS and Redis, and only the
 * HTTP workloads' pods may receive HTTP.
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

    /** Carried by the pods of workloads that serve HTTP, which alone are admitted HTTP. */
    public static final String SERVES_HTTP_LABEL = "spinmixed.dev/serves-http";

    /** The autoscaler adds replicas when the pods' CPU use passes this share of their request. */
    public static final int CPU_TARGET_PERCENT = 70;

    /** A PodDisruptionBudget is declared from this many minimum replicas on. */
    public static final int DISRUPTION_BUDGET_FROM = 2;

    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    static final String DNS_NAMESPACE = "kube-system";

    /** AKS' CoreDNS pods carry the upstream kube-dns label. */
    static final Map<String, String> DNS_PODS = Map.of("k8s-app", "kube-dns");

    static final int DNS_PORT = 53;

    /** What each app container requests (the autoscaler's 100%) and may use at most. */
    static final Map<String, String> APP_REQUESTS = Map.of("cpu", "50m", "memory", "64Mi");

    static final Map<String, String> APP_LIMITS = Map.of("cpu", "500m", "memory", "256Mi");

    private static final LabelSelectorArgs APP_PODS =
            matchLabels(Map.of(Labels.COMPONENT, Labels.SPIN_APP_COMPONENT));

    private static final LabelSelectorArgs HTTP_PODS =
            matchLabels(
                    Map.of(Labels.COMPONENT, Labels.SPIN_APP_COMPONENT, SERVES_HTTP_LABEL, "true"));

    private final Map<String, Resource> workloads = new TreeMap<>();
    private final Map<Wiring, Service> services = new EnumMap<>(Wiring.class);
    private final Map<String, HorizontalPodAutoscaler> autoscalers = new TreeMap<>();
    private final Map<String, PodDisruptionBudget> disruptionBudgets = new TreeMap<>();
    private final NetworkPolicy allowHttp;
    private final NetworkPolicy allowDns;
    private final NetworkPolicy allowToRedis;

    /**
     * What the app's workloads run and where.
     *
     * @param runtime SpinApps on SpinKube, or Deployments on the AKS WASI pool
     * @param minReplicas the autoscaler's floor per HTTP workload; from {@link
     *     #DISRUPTION_BUDGET_FROM} on, each also gets a PodDisruptionBudget
     * @param maxReplicas the autoscaler's ceiling per HTTP workload
     * @param imageRef the app's image, by digest
     * @param runtimeReady what must exist before a workload can run (the runtime, the image pull
     *     grant)
     */
    public record Args(
            String namespace,
            WasmRuntime runtime,
            Set<Wiring> wirings,
            int minReplicas,
            int maxReplicas,
            Provider kubernetes,
            Output<String> imageRef,
            Redis redis,
            List<Resource> runtimeReady) {}

    public SpinAppWorkloads(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String ns = args.namespace();
        var child = kubernetesChild(args.kubernetes(), args.runtimeReady());
        var afterSecret =
                kubernetesChild(
                        args.kubernetes(),
                        concat(args.runtimeReady(), args.redis().addressSecret()));
        for (Wiring wiring : args.wirings()) {
            for (Workload workload : Workload.of(wiring, args.runtime())) {
                declare(name, workload, args, child, afterSecret);
            }
        }
        this.allowHttp = appPolicy(name, ALLOW_HTTP, ns, allowHttpSpec(), child);
        this.allowDns = appPolicy(name, ALLOW_DNS, ns, allowDnsSpec(), child);
        this.allowToRedis = appPolicy(name, ALLOW_TO_REDIS, ns, allowToRedisSpec(), child);
        registerOutputs(Map.of());
    }

    /**
     * One workload and what it needs: a Service for the wiring's HTTP workload, and an autoscaler
     * (and from two replicas a budget) unless it is a singleton.
     */
    private void declare(
            String name,
            Workload workload,
            Args args,
            CustomResourceOptions child,
            CustomResourceOptions afterSecret) {
        String resourceName = name + "-" + workload.id();
        var app = new AppWorkload(workload, args.namespace(), args.imageRef(), args.redis().host());
        Resource resource =
                args.runtime() == WasmRuntime.SPINKUBE
                        ? app.spinApp(resourceName, afterSecret)
                        : WasiDeployment.of(resourceName, app, afterSecret);
        workloads.put(workload.name(), resource);
        if (workload.servesHttp()) {
            Wiring wiring = workload.wiring();
            services.put(
                    wiring, service(name + "-" + wiring.configValue(), app, args.runtime(), child));
        }
        if (workload.singleton()) {
            return;
        }
        var afterWorkload = kubernetesChild(args.kubernetes(), List.of(resource));
        autoscalers.put(workload.name(), autoscaler(resourceName, app, args, afterWorkload));
        if (args.minReplicas() >= DISRUPTION_BUDGET_FROM) {
            disruptionBudgets.put(workload.name(), disruptionBudget(resourceName, app, child));
        }
    }

    /**
     * One workload as both runtimes deploy it: its name, labels, image, Redis variables and
     * resources.
     */
    record AppWorkload(
            Workload workload, String namespace, Output<String> imageRef, String redisHost) {
        String name() {
            return workload.name();
        }

        /** The labels of the workload's objects. */
        Map<String, String> labels() {
            return Labels.of(name(), Labels.SPIN_APP_COMPONENT);
        }

        /** The labels of its pods: those of its objects, and whether it serves HTTP. */
        Map<String, String> podLabels() {
            Map<String, String> labels = new TreeMap<>(labels());
            if (workload.servesHttp()) {
                labels.put(SERVES_HTTP_LABEL, "true");
            }
            return labels;
        }

        /** What a selector of this workload's pods matches, under both runtimes. */
        Map<String, String> podSelector() {
            return Labels.selector(name(), Labels.SPIN_APP_COMPONENT);
        }

        ObjectMetaArgs metadata(String objectName) {
            return ObjectMetaArgs.builder()
                    .name(objectName)
                    .namespace(namespace)
                    .labels(labels())
                    .build();
        }

        /**
         * No security context here: spin-operator's SpinApp and SpinAppExecutor CRDs (vendored in
         * crds/) have no field for one (the executor's deploymentConfig carries only the runtime
         * class, CA certificates and OpenTelemetry), so the operator's Deployment runs with the
         * cluster's defaults. The namespace's NetworkPolicies still apply to its pods (they carry
         * podLabels).
         */
        KubernetesObject spinApp(String resourceName, CustomResourceOptions options) {
            Output<Map<String, Object>> spec = imageRef.applyValue(this::spinAppSpec);
            return new KubernetesObject(
                    resourceName,
                    new KubernetesObject.Args(
                            "core.spinkube.dev/v1alpha1",
                            "SpinApp",
                            Map.of("name", name(), "namespace", namespace, "labels", labels()),
                            spec),
                    options);
        }

        /**
         * A singleton sets {@code replicas: 1} and leaves {@code enableAutoscaling} false: with
         * autoscaling off, spin-operator 0.6.1's webhook requires a replica count of at least one
         * and its Deployment takes it as is (internal/webhook/spinapp_validating.go,
         * validateReplicas; internal/controller/spinapp_controller.go, constructDeployment).
         */
        private Map<String, Object> spinAppSpec(String image) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("image", image);
            spec.put("executor", SpinKubeRuntime.EXECUTOR);
            if (workload.singleton()) {
                spec.put("enableAutoscaling", false);
                spec.put("replicas", 1);
            } else {
                spec.put("enableAutoscaling", true);
            }
            spec.put("components", workload.components());
            spec.put("podLabels", podLabels());
            spec.put(
                    "variables",
                    List.of(
                            redisAddressVariable(),
                            Map.of("name", Redis.HOST_KEY, "value", redisHost)));
            spec.put("resources", Map.of("requests", APP_REQUESTS, "limits", APP_LIMITS));
            return spec;
        }

        private static Map<String, Object> redisAddressVariable() {
            return Map.of(
                    "name",
                    Redis.ADDRESS_KEY,
                    "valueFrom",
                    Map.of(
                            "secretKeyRef",
                            Map.of("name", Redis.ADDRESS_SECRET, "key", Redis.ADDRESS_KEY)));
        }
    }

    /**
     * The wiring's public endpoint, named after the wiring, on its HTTP workload's pods.
     * (spin-operator also creates a ClusterIP Service named after each SpinApp, which this does not
     * replace.)
     */
    private Service service(
            String resourceName,
            AppWorkload app,
            WasmRuntime runtime,
            CustomResourceOptions options) {
        // spin-operator marks the pods ready to serve a SpinApp with this label.
        Map<String, String> selector =
                runtime == WasmRuntime.SPINKUBE
                        ? Map.of("core.spinkube.dev/app." + app.name() + ".status", "ready")
                        : app.podSelector();
        String wiringName = app.workload().wiring().workloadName();
        return new Service(
                resourceName,
                ServiceArgs.builder()
                        .metadata(
                                ObjectMetaArgs.builder()
                                        .name(wiringName + "-public")
                                        .namespace(app.namespace())
                                        .labels(Labels.of(wiringName, Labels.SPIN_APP_COMPONENT))
                                        .build())
                        .spec(
                                ServiceSpecArgs.builder()
                                        .type("LoadBalancer")
                                        .selector(selector)
                                        .ports(
                                                ServicePortArgs.builder()
                                                        .name("http")
                                                        .port(HTTP_PORT)
                                                        .targetPort(HTTP_PORT)
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    /**
     * Scales the workload's Deployment (spin-operator names it after the SpinApp; the aks-wasi
     * Deployment has the same name) on the average CPU use of its pods.
     */
    private HorizontalPodAutoscaler autoscaler(
            String resourceName, AppWorkload app, Args args, CustomResourceOptions options) {
        var cpu =
                MetricSpecArgs.builder()
                        .type("Resource")
                        .resource(
                                ResourceMetricSourceArgs.builder()
                                        .name("cpu")
                                        .target(
                                                MetricTargetArgs.builder()
                                                        .type("Utilization")
                                                        .averageUtilization(CPU_TARGET_PERCENT)
                                                        .build())
                                        .build())
                        .build();
        return new HorizontalPodAutoscaler(
                resourceName,
                HorizontalPodAutoscalerArgs.builder()
                        .metadata(app.metadata(app.name()))
                        .spec(
                                HorizontalPodAutoscalerSpecArgs.builder()
                                        .scaleTargetRef(
                                                CrossVersionObjectReferenceArgs.builder()
                                                        .apiVersion("apps/v1")
                                                        .kind("Deployment")
                                                        .name(app.name())
                                                        .build())
                                        .minReplicas(args.minReplicas())
                                        .maxReplicas(args.maxReplicas())
                                        .metrics(cpu)
                                        .build())
                        .build(),
                options);
    }

    private PodDisruptionBudget disruptionBudget(
            String resourceName, AppWorkload app, CustomResourceOptions options) {
        return new PodDisruptionBudget(
                resourceName,
                PodDisruptionBudgetArgs.builder()
                        .metadata(app.metadata(app.name()))
                        .spec(
                                PodDisruptionBudgetSpecArgs.builder()
                                        .maxUnavailable(1)
                                        .selector(
                                                LabelSelectorArgs.builder()
                                                        .matchLabels(app.podSelector())
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    /**
     * The LoadBalancer's traffic reaches the pods of the HTTP workloads on the HTTP port, from
     * anywhere. Pods that only subscribe to Redis listen on no port and admit nothing.
     */
    private static NetworkPolicySpecArgs allowHttpSpec() {
        return NetworkPolicySpecArgs.builder()
                .podSelector(HTTP_PODS)
                .policyTypes("Ingress")
                .ingress(
                        NetworkPolicyIngressRuleArgs.builder()
                                .ports(port("TCP", HTTP_PORT))
                                .build())
                .build();
    }

    /**
     * The app resolves Redis' Service name, so it may ask the cluster's CoreDNS, and no other
     * resolver.
     */
    private static NetworkPolicySpecArgs allowDnsSpec() {
        // One peer with both selectors: CoreDNS pods in kube-system only.
        var coreDns =
                NetworkPolicyPeerArgs.builder()
                        .namespaceSelector(matchLabels(Map.of(NAMESPACE_NAME_LABEL, DNS_NAMESPACE)))
                        .podSelector(matchLabels(DNS_PODS))
                        .build();
        return NetworkPolicySpecArgs.builder()
                .podSelector(APP_PODS)
                .policyTypes("Egress")
                .egress(
                        NetworkPolicyEgressRuleArgs.builder()
                                .to(coreDns)
                                .ports(port("UDP", DNS_PORT), port("TCP", DNS_PORT))
                                .build())
                .build();
    }

    /**
     * The app's only other outbound traffic: Redis, the one outbound host spin.toml allows and the
     * server of its Redis trigger. The Redis side admits it with {@link Redis#ALLOW_FROM_APP}.
     */
    private static NetworkPolicySpecArgs allowToRedisSpec() {
        return NetworkPolicySpecArgs.builder()
                .podSelector(APP_PODS)
                .policyTypes("Egress")
                .egress(
                        NetworkPolicyEgressRuleArgs.builder()
                                .to(
                                        NetworkPolicyPeerArgs.builder()
                                                .podSelector(matchLabels(Redis.POD_SELECTOR))
                                                .build())
                                .ports(port("TCP", Redis.PORT))
                                .build())
                .build();
    }

    private static LabelSelectorArgs matchLabels(Map<String, String> labels) {
        return LabelSelectorArgs.builder().matchLabels(labels).build();
    }

    private static NetworkPolicyPortArgs port(String protocol, int port) {
        return NetworkPolicyPortArgs.builder().protocol(protocol).port(port).build();
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

    private CustomResourceOptions kubernetesChild(Provider kubernetes, List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(kubernetes)
                .dependsOn(dependsOn)
                .build();
    }

    private static List<Resource> concat(List<Resource> resources, Resource extra) {
        var all = new ArrayList<>(resources);
        all.add(extra);
        return all;
    }

    /** By workload name: its SpinApp (spinkube) or Deployment (aks-wasi). */
    public Map<String, Resource> workloads() {
        return workloads;
    }

    /** By wiring: the LoadBalancer Service of its HTTP workload. */
    public Map<Wiring, Service> services() {
        return services;
    }

    /** By workload name, for every workload but the singletons. */
    public Map<String, HorizontalPodAutoscaler> autoscalers() {
        return autoscalers;
    }

    /**
     * By workload name, for every workload but the singletons, when the minimum of replicas is at
     * least {@link #DISRUPTION_BUDGET_FROM}.
     */
    public Map<String, PodDisruptionBudget> disruptionBudgets() {
        return disruptionBudgets;
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
                                service.status().applyValue(s -> endpoint(s, wiring))));
        return endpoints;
    }

    private static String endpoint(Optional<ServiceStatus> status, Wiring wiring) {
        String address =
                status.flatMap(ServiceStatus::loadBalancer)
                        .map(LoadBalancerStatus::ingress)
                        .flatMap(ingress -> ingress.stream().findFirst())
                        .flatMap(ingress -> ingress.ip().or(ingress::hostname))
                        .orElse("<pending load balancer>");
        return "http://" + address + wiring.route();
    }
}
