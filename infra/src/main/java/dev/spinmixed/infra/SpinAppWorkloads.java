package dev.spinmixed.infra;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
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
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
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
 * The Spin app, once per enabled wiring, from the one image (by digest): as a SpinApp for
 * SpinKube, or as a Deployment on the AKS WASI pool. Each wiring keeps only its own components
 * (Spin selective deployment), gets {@code redis_address} from the Redis address Secret and
 * {@code redis_host} (the outbound host spin.toml allows, without the password) as plain text, and is
 * published by a LoadBalancer Service on port 80.
 */
public final class SpinAppWorkloads extends ComponentResource {
    public static final String TYPE = "spinmixed:k8s:SpinAppWorkloads";
    public static final String ALLOW_HTTP = "spin-app-http";
    public static final int HTTP_PORT = 80;
    /** Spin reads variable {@code redis_address} from this environment variable. */
    public static final String REDIS_ADDRESS_ENV = "SPIN_VARIABLE_REDIS_ADDRESS";
    /** Spin reads variable {@code redis_host} from this environment variable. */
    public static final String REDIS_HOST_ENV = "SPIN_VARIABLE_REDIS_HOST";
    /** containerd-shim-spin's selective deployment (what spin-operator sets for spec.components). */
    public static final String COMPONENTS_ENV = "SPIN_COMPONENTS_TO_RETAIN";

    private final Map<Wiring, Resource> workloads = new EnumMap<>(Wiring.class);
    private final Map<Wiring, Service> services = new EnumMap<>(Wiring.class);
    private final NetworkPolicy allowHttp;

    public SpinAppWorkloads(String name, Settings settings, Cluster cluster, Output<String> imageRef,
                            Redis redis, List<Resource> runtimeReady, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String ns = settings.namespace();
        var child = CustomResourceOptions.builder().parent(this).provider(cluster.kubernetes())
                .dependsOn(runtimeReady).build();
        var afterSecret = CustomResourceOptions.builder().parent(this).provider(cluster.kubernetes())
                .dependsOn(concat(runtimeReady, redis.addressSecret())).build();

        for (Wiring wiring : settings.wirings()) {
            String workload = wiring.workloadName();
            Map<String, String> labels = Labels.of(workload, Labels.SPIN_APP_COMPONENT);
            Resource resource;
            Map<String, String> serviceSelector;
            if (settings.wasmRuntime() == WasmRuntime.SPINKUBE) {
                resource = spinApp(name + "-" + wiring.configValue(), settings, wiring, imageRef, redis.host(), labels,
                        afterSecret);
                // spin-operator marks pods that are ready to serve this app with this label.
                serviceSelector = Map.of("core.spinkube.dev/app." + workload + ".status", "ready");
            } else {
                resource = wasiDeployment(name + "-" + wiring.configValue(), settings, wiring, imageRef, redis.host(),
                        labels, afterSecret);
                serviceSelector = Labels.selector(workload, Labels.SPIN_APP_COMPONENT);
            }
            workloads.put(wiring, resource);
            services.put(wiring, new Service(name + "-" + wiring.configValue(), ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(workload + "-public").namespace(ns).labels(labels).build())
                    .spec(ServiceSpecArgs.builder()
                            .type("LoadBalancer")
                            .selector(serviceSelector)
                            .ports(ServicePortArgs.builder().name("http").port(HTTP_PORT).targetPort(HTTP_PORT).build())
                            .build())
                    .build(), child));
        }

        this.allowHttp = new NetworkPolicy(name + "-" + ALLOW_HTTP, NetworkPolicyArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ALLOW_HTTP).namespace(ns)
                        .labels(Labels.of(ALLOW_HTTP, "network-policy")).build())
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder()
                                .matchLabels(Map.of(Labels.COMPONENT, Labels.SPIN_APP_COMPONENT)).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(HTTP_PORT).build())
                                .build())
                        .build())
                .build(), child);
        registerOutputs(Map.of());
    }

    private KubernetesObject spinApp(String resourceName, Settings settings, Wiring wiring, Output<String> imageRef,
                                     String redisHost, Map<String, String> labels, CustomResourceOptions options) {
        Output<Map<String, Object>> spec = imageRef.applyValue(image -> Map.of(
                "image", image,
                "executor", SpinKubeRuntime.EXECUTOR,
                "replicas", settings.appReplicas(),
                "components", wiring.components(),
                "podLabels", labels,
                "variables", List.of(
                        Map.of("name", Redis.ADDRESS_KEY, "valueFrom",
                                Map.of("secretKeyRef", Map.of("name", Redis.ADDRESS_SECRET, "key", Redis.ADDRESS_KEY))),
                        Map.of("name", Redis.HOST_KEY, "value", redisHost)),
                "resources", Map.of("requests", appRequests(), "limits", appLimits())));
        return new KubernetesObject(resourceName, new KubernetesObject.Args(
                "core.spinkube.dev/v1alpha1", "SpinApp",
                Map.of("name", wiring.workloadName(), "namespace", settings.namespace(), "labels", labels),
                spec), options);
    }

    private Deployment wasiDeployment(String resourceName, Settings settings, Wiring wiring, Output<String> imageRef,
                                      String redisHost, Map<String, String> labels, CustomResourceOptions options) {
        String workload = wiring.workloadName();
        return new Deployment(resourceName, DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(workload).namespace(settings.namespace()).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(settings.appReplicas())
                        .selector(LabelSelectorArgs.builder()
                                .matchLabels(Labels.selector(workload, Labels.SPIN_APP_COMPONENT)).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .runtimeClassName(AksWasiRuntime.RUNTIME_CLASS)
                                        .nodeSelector(AksWasiRuntime.NODE_SELECTOR)
                                        .tolerations(TolerationArgs.builder()
                                                .key(AksWasiRuntime.TAINT_KEY)
                                                .operator("Equal")
                                                .value(AksWasiRuntime.TAINT_VALUE)
                                                .effect(AksWasiRuntime.TAINT_EFFECT)
                                                .build())
                                        .automountServiceAccountToken(false)
                                        .containers(ContainerArgs.builder()
                                                .name(workload)
                                                .image(imageRef)
                                                // The shim reads spin.toml from the image; it ignores the command.
                                                .command("/")
                                                .env(EnvVarArgs.builder().name(REDIS_ADDRESS_ENV)
                                                                .valueFrom(EnvVarSourceArgs.builder()
                                                                        .secretKeyRef(SecretKeySelectorArgs.builder()
                                                                                .name(Redis.ADDRESS_SECRET)
                                                                                .key(Redis.ADDRESS_KEY).build())
                                                                        .build())
                                                                .build(),
                                                        EnvVarArgs.builder().name(REDIS_HOST_ENV).value(redisHost).build(),
                                                        EnvVarArgs.builder().name(COMPONENTS_ENV)
                                                                .value(String.join(",", wiring.components())).build())
                                                .ports(ContainerPortArgs.builder().name("http").containerPort(HTTP_PORT).build())
                                                .readinessProbe(ProbeArgs.builder()
                                                        .tcpSocket(TCPSocketActionArgs.builder().port(HTTP_PORT).build())
                                                        .periodSeconds(10)
                                                        .build())
                                                .resources(ResourceRequirementsArgs.builder()
                                                        .requests(appRequests())
                                                        .limits(appLimits())
                                                        .build())
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), options);
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

    /** {@code http://<load balancer>/<route>} per wiring, known once Azure assigns the address. */
    public Map<String, Output<String>> endpoints() {
        Map<String, Output<String>> endpoints = new TreeMap<>();
        services.forEach((wiring, service) -> endpoints.put(wiring.configValue(), service.status()
                .applyValue(status -> "http://" + address(status) + wiring.route())));
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
