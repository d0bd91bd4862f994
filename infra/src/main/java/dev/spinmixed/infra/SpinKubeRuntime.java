package dev.spinmixed.infra;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SpinKube on AKS: a user node pool for wasm labelled for the shim installer, cert-manager,
 * runtime-class-manager with its {@code Shim} (containerd-shim-spin, which creates RuntimeClass
 * {@code wasmtime-spin-v2} scheduled onto the labelled nodes), the spin-operator CRDs and chart,
 * and the {@code SpinAppExecutor} the app's SpinApps name. Every chart and the shim are pinned.
 */
public final class SpinKubeRuntime extends ComponentResource {
    public static final String TYPE = "spinmixed:wasm:SpinKubeRuntime";

    public static final String POOL_NAME = "wasm";

    /** Nodes carrying this label get the shim; the RuntimeClass schedules Spin pods onto them. */
    public static final String SHIM_NODE_LABEL = "spinmixed.dev/containerd-shim-spin";

    public static final String RUNTIME_CLASS = "wasmtime-spin-v2";
    public static final String EXECUTOR = "containerd-shim-spin";

    static final String CERT_MANAGER_CHART_VERSION = "v1.17.2";
    static final String RUNTIME_CLASS_MANAGER_VERSION = "0.2.0";
    static final String SPIN_OPERATOR_CHART_VERSION = "0.6.1";
    static final String SHIM_VERSION = "v0.24.0";
    static final String CHARTS = "oci://ghcr.io/spinframework/charts/";

    private final AgentPool wasmPool;
    private final KubernetesObject shim;
    private final KubernetesObject executor;
    private final Release spinOperator;

    public SpinKubeRuntime(
            String name,
            Settings settings,
            Output<String> resourceGroupName,
            Cluster cluster,
            Resource appNamespace,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        var azureChild = CustomResourceOptions.builder().parent(this).build();

        this.wasmPool =
                new AgentPool(
                        name + "-pool",
                        AgentPoolArgs.builder()
                                .resourceGroupName(resourceGroupName)
                                .resourceName(cluster.clusterName())
                                .agentPoolName(POOL_NAME)
                                .mode(AgentPoolMode.User)
                                .osType(OSType.Linux)
                                .count(settings.wasmNodeCount())
                                .vmSize(settings.wasmVmSize())
                                .availabilityZones(settings.zonesOrNull())
                                .nodeLabels(Map.of(SHIM_NODE_LABEL, "true"))
                                .tags(settings.tags())
                                .build(),
                        azureChild);

        Release certManager =
                new Release(
                        name + "-cert-manager",
                        ReleaseArgs.builder()
                                .chart("cert-manager")
                                .version(CERT_MANAGER_CHART_VERSION)
                                .repositoryOpts(
                                        RepositoryOptsArgs.builder()
                                                .repo("https://charts.jetstack.io")
                                                .build())
                                .namespace("cert-manager")
                                .createNamespace(true)
                                .values(Map.of("crds", Map.of("enabled", true)))
                                .build(),
                        kubernetesChild(cluster, List.of()));

        String rcmImageTag = "v" + RUNTIME_CLASS_MANAGER_VERSION;
        Release runtimeClassManager =
                new Release(
                        name + "-runtime-class-manager",
                        ReleaseArgs.builder()
                                .chart(CHARTS + "runtime-class-manager")
                                .version(RUNTIME_CLASS_MANAGER_VERSION)
                                .namespace("runtime-class-manager")
                                .createNamespace(true)
                                // The chart defaults its images to "latest"; pin them to the
                                // chart's release.
                                .values(
                                        Map.of(
                                                "image", Map.of("tag", rcmImageTag),
                                                "rcm",
                                                        Map.of(
                                                                "shimDownloaderImage",
                                                                        Map.of("tag", rcmImageTag),
                                                                "nodeInstallerImage",
                                                                        Map.of(
                                                                                "tag",
                                                                                rcmImageTag))))
                                .build(),
                        kubernetesChild(cluster, List.of(certManager)));

        this.shim =
                new KubernetesObject(
                        name + "-shim",
                        new KubernetesObject.Args(
                                "runtime.spinkube.dev/v1alpha1",
                                "Shim",
                                Map.of(
                                        "name",
                                        "spin-v2",
                                        "labels",
                                        Labels.of("spin-v2", "wasm-runtime")),
                                Output.of(
                                        Map.of(
                                                "nodeSelector", Map.of(SHIM_NODE_LABEL, "true"),
                                                "fetchStrategy",
                                                        Map.of(
                                                                "type",
                                                                "anonymousHttp",
                                                                "platforms",
                                                                List.of(
                                                                        shimArtifact("x86_64"),
                                                                        shimArtifact("aarch64"))),
                                                "runtimeClass",
                                                        Map.of(
                                                                "name",
                                                                RUNTIME_CLASS,
                                                                "handler",
                                                                "spin-v2"),
                                                "rolloutStrategy", Map.of("type", "recreate")))),
                        kubernetesChild(cluster, List.of(runtimeClassManager, wasmPool)));

        List<Resource> crds = new ArrayList<>();
        for (Map<String, Object> crd : SpinOperatorCrds.load()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) crd.get("metadata");
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
            crds.add(
                    new KubernetesObject(
                            name + "-crd-" + metadata.get("name"),
                            new KubernetesObject.Args(
                                    (String) crd.get("apiVersion"),
                                    (String) crd.get("kind"),
                                    metadata,
                                    Output.of(spec)),
                            kubernetesChild(cluster, List.of())));
        }

        List<Resource> operatorNeeds = new ArrayList<>(crds);
        operatorNeeds.add(certManager);
        this.spinOperator =
                new Release(
                        name + "-spin-operator",
                        ReleaseArgs.builder()
                                .chart(CHARTS + "spin-operator")
                                .version(SPIN_OPERATOR_CHART_VERSION)
                                .namespace("spin-operator")
                                .createNamespace(true)
                                .build(),
                        kubernetesChild(cluster, operatorNeeds));

        this.executor =
                new KubernetesObject(
                        name + "-executor",
                        new KubernetesObject.Args(
                                "core.spinkube.dev/v1alpha1",
                                "SpinAppExecutor",
                                Map.of(
                                        "name",
                                        EXECUTOR,
                                        "namespace",
                                        settings.namespace(),
                                        "labels",
                                        Labels.of(EXECUTOR, "wasm-runtime")),
                                Output.of(
                                        Map.of(
                                                "createDeployment",
                                                true,
                                                "deploymentConfig",
                                                Map.of(
                                                        "runtimeClassName",
                                                        RUNTIME_CLASS,
                                                        "installDefaultCACerts",
                                                        true)))),
                        kubernetesChild(cluster, List.of(spinOperator, shim, appNamespace)));

        registerOutputs(Map.of());
    }

    private static Map<String, Object> shimArtifact(String arch) {
        return Map.of(
                "os",
                "linux",
                "arch",
                arch,
                "location",
                "https://github.com/spinframework/containerd-shim-spin/releases/download/"
                        + SHIM_VERSION
                        + "/containerd-shim-spin-v2-linux-"
                        + arch
                        + ".tar.gz");
    }

    private CustomResourceOptions kubernetesChild(Cluster cluster, List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(cluster.kubernetes())
                .dependsOn(dependsOn)
                .build();
    }

    public AgentPool wasmPool() {
        return wasmPool;
    }

    public KubernetesObject shim() {
        return shim;
    }

    /** SpinApps can be created once the executor exists. */
    public KubernetesObject executor() {
        return executor;
    }
}
