package dev.spinmixed.infra;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * Everything one environment needs, from an empty subscription: resource group, AKS, the wasm
 * runtime of the chosen mode, ACR, the Spin app image, Redis and the app in both wirings. The one
 * place that reads {@link Settings}: each component gets only what it uses, as its own {@code
 * Args}.
 */
public final class MixedWorkloadsStack extends ComponentResource {
    public static final String TYPE = "spinmixed:index:MixedWorkloadsStack";

    private final ResourceGroup resourceGroup;
    private final Cluster cluster;
    private final ContainerRegistry registry;
    private final SpinAppImage image;
    private final Resource wasmRuntime;
    private final AppNamespace namespace;
    private final Redis redis;
    private final SpinAppWorkloads workloads;
    private final Map<String, Output<?>> outputs;

    public MixedWorkloadsStack(Settings settings, AcrTokenExchange tokenExchange) {
        super(TYPE, settings.environment());
        String env = settings.environment();
        var child = ComponentResourceOptions.builder().parent(this).build();

        this.resourceGroup =
                new ResourceGroup(
                        env + "-rg",
                        ResourceGroupArgs.builder()
                                .location(settings.location())
                                .tags(settings.tags())
                                .build(),
                        CustomResourceOptions.builder().parent(this).build());
        Output<String> rg = resourceGroup.name();
        Output<GetClientConfigResult> deployer = AuthorizationFunctions.getClientConfig();

        this.cluster =
                new Cluster(
                        env + "-aks",
                        new Cluster.Args(
                                rg,
                                settings.location(),
                                env + "-spin",
                                settings.kubernetesVersion(),
                                settings.clusterAccess(),
                                settings.systemPool(),
                                settings.tags(),
                                deployer),
                        child);
        this.registry =
                new ContainerRegistry(
                        registryName(env),
                        new ContainerRegistry.Args(
                                rg,
                                settings.location(),
                                settings.tags(),
                                deployer,
                                cluster.kubeletObjectId()),
                        child);
        this.image =
                new SpinAppImage(
                        env + "-app-image",
                        new SpinAppImage.Args(
                                settings.appBuildContext(), registry, deployer, tokenExchange),
                        child);
        this.namespace =
                new AppNamespace(
                        env + "-ns",
                        new AppNamespace.Args(settings.namespace(), cluster.kubernetes()),
                        child);

        List<Resource> runtimeReady;
        if (settings.wasmRuntime() == WasmRuntime.SPINKUBE) {
            var spinKube =
                    new SpinKubeRuntime(
                            env + "-spinkube",
                            new SpinKubeRuntime.Args(
                                    rg,
                                    cluster,
                                    settings.wasmPool(),
                                    settings.tags(),
                                    settings.namespace(),
                                    namespace.namespace()),
                            child);
            runtimeReady = List.of(spinKube.executor(), registry.kubeletPull());
            this.wasmRuntime = spinKube;
        } else {
            var wasi =
                    new AksWasiRuntime(
                            env + "-aks-wasi",
                            new AksWasiRuntime.Args(
                                    rg,
                                    cluster.clusterName(),
                                    settings.wasmPool(),
                                    settings.tags()),
                            child);
            runtimeReady = List.of(wasi.wasiPool(), registry.kubeletPull());
            this.wasmRuntime = wasi;
        }
        this.redis =
                new Redis(
                        env + "-redis",
                        new Redis.Args(
                                settings.namespace(),
                                namespace.namespace(),
                                cluster.kubernetes(),
                                settings.redisPassword(),
                                settings.redisCpuLimit(),
                                settings.redisMemoryLimit()),
                        child);
        this.workloads =
                new SpinAppWorkloads(
                        env + "-app",
                        new SpinAppWorkloads.Args(
                                settings.namespace(),
                                settings.wasmRuntime(),
                                settings.wirings(),
                                settings.appMinReplicas(),
                                settings.appMaxReplicas(),
                                cluster.kubernetes(),
                                image.imageRef(),
                                redis,
                                runtimeReady),
                        child);

        this.outputs = stackOutputs();
        registerOutputs(outputs);
    }

    /** The stack outputs, in one place: name -> value (kubeconfig is a secret). */
    private Map<String, Output<?>> stackOutputs() {
        return Map.of(
                "resourceGroupName", resourceGroup.name(),
                "clusterName", cluster.clusterName(),
                "registryLoginServer", registry.loginServer(),
                "imageRef", image.imageRef(),
                "appEndpoints", appEndpoints(),
                "kubeconfig", cluster.kubeconfig());
    }

    /** {@code hops=http://<ip>/hops/orders orchestrated=http://<ip>/orders}. */
    private Output<String> appEndpoints() {
        List<Output<String>> pairs =
                workloads.endpoints().entrySet().stream()
                        .map(e -> e.getValue().applyValue(url -> e.getKey() + "=" + url))
                        .toList();
        return Output.all(pairs).applyValue(all -> String.join(" ", all));
    }

    /** ACR names are alphanumeric only; Pulumi appends a random suffix to make them unique. */
    static String registryName(String environment) {
        return "spinmixed" + environment.replace("-", "");
    }

    /** The stack outputs: name -> value (kubeconfig is a secret); App exports these. */
    public Map<String, Output<?>> outputs() {
        return outputs;
    }

    public ResourceGroup resourceGroup() {
        return resourceGroup;
    }

    public Cluster cluster() {
        return cluster;
    }

    public ContainerRegistry registry() {
        return registry;
    }

    public SpinAppImage image() {
        return image;
    }

    /** {@link SpinKubeRuntime} or {@link AksWasiRuntime}, per {@link Settings#wasmRuntime()}. */
    public Resource wasmRuntime() {
        return wasmRuntime;
    }

    public AppNamespace namespace() {
        return namespace;
    }

    public Redis redis() {
        return redis;
    }

    public SpinAppWorkloads workloads() {
        return workloads;
    }
}
