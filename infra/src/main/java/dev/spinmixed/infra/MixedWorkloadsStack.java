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
 * runtime of the chosen mode, ACR, the Spin app image, Redis and the app in both wirings.
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

        this.cluster = new Cluster(env + "-aks", settings, rg, deployer, child);
        this.registry =
                new ContainerRegistry(
                        registryName(env),
                        settings,
                        rg,
                        deployer,
                        cluster.kubeletObjectId(),
                        child);
        this.image =
                new SpinAppImage(
                        env + "-app-image", settings, registry, deployer, tokenExchange, child);
        this.namespace = new AppNamespace(env + "-ns", settings, cluster, child);

        List<Resource> runtimeReady;
        if (settings.wasmRuntime() == WasmRuntime.SPINKUBE) {
            var spinKube =
                    new SpinKubeRuntime(
                            env + "-spinkube", settings, rg, cluster, namespace.namespace(), child);
            runtimeReady = List.of(spinKube.executor(), registry.kubeletPull());
            this.wasmRuntime = spinKube;
        } else {
            var wasi = new AksWasiRuntime(env + "-aks-wasi", settings, rg, cluster, child);
            runtimeReady = List.of(wasi.wasiPool(), registry.kubeletPull());
            this.wasmRuntime = wasi;
        }
        this.redis = new Redis(env + "-redis", settings, cluster, namespace, child);
        this.workloads =
                new SpinAppWorkloads(
                        env + "-app",
                        settings,
                        cluster,
                        image.imageRef(),
                        redis,
                        runtimeReady,
                        child);

        registerOutputs(
                Map.of(
                        "resourceGroupName", rg,
                        "clusterName", cluster.clusterName(),
                        "registryLoginServer", registry.loginServer(),
                        "imageRef", image.imageRef()));
    }

    /** ACR names are alphanumeric only; Pulumi appends a random suffix to make them unique. */
    static String registryName(String environment) {
        return "spinmixed" + environment.replace("-", "");
    }

    /** The stack outputs, in one place: name -> value (kubeconfig is a secret). */
    public Map<String, Output<?>> outputs() {
        return Map.of(
                "resourceGroupName", resourceGroup.name(),
                "clusterName", cluster.clusterName(),
                "registryLoginServer", registry.loginServer(),
                "imageRef", image.imageRef(),
                "appEndpoints",
                        Output.all(
                                        List.copyOf(
                                                workloads.endpoints().entrySet().stream()
                                                        .map(
                                                                e ->
                                                                        e.getValue()
                                                                                .applyValue(
                                                                                        url ->
                                                                                                e
                                                                                                                .getKey()
                                                                                                        + "="
                                                                                                        + url))
                                                        .toList()))
                                .applyValue(pairs -> String.join(" ", pairs)),
                "kubeconfig", cluster.kubeconfig());
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
