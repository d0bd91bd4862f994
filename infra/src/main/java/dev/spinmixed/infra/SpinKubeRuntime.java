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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SpinKube on AKS, installed as SpinKube's AKS guide does (spinframework/spinkube-docs,
 * content/en/docs/install/azure-kubernetes-service.md): a user node pool for wasm labelled for the
 * shim installer, cert-manager, runtime-class-manager with its {@code Shim} (runtime-class-manager
 * v0.2.0's {@code config/samples/sample_shim_spin.yaml}, with this stack's node label and shim
 * release), the spin-operator CRDs and chart, and the {@code SpinAppExecutor} the app's SpinApps
 * name. Every chart and the shim are pinned in {@link PinnedVersions}.
 */
public final class SpinKubeRuntime extends ComponentResource {
    public static final String TYPE = "spinmixed:wasm:SpinKubeRuntime";

    public static final String POOL_NAME = "wasm";

    /** Nodes carrying this label get the shim; the RuntimeClass schedules Spin pods onto them. */
    public static final String SHIM_NODE_LABEL = "spinmixed.dev/containerd-shim-spin";

    public static final String RUNTIME_CLASS = "wasmtime-spin-v2";
    public static final String EXECUTOR = "containerd-shim-spin";

    /**
     * containerd runtime options of the shim, as runtime-class-manager's sample sets them: runwasi
     * shims default to the cgroupfs driver, and without the node's systemd driver pod metrics (what
     * the CPU autoscaler reads) do not propagate accurately.
     */
    public static final Map<String, String> CONTAINERD_RUNTIME_OPTIONS =
            Map.of("SystemdCgroup", "true");

    /** The shim tarball's platforms, as the Shim CRD names their architectures. */
    static final List<String> SHIM_ARCHITECTURES = List.of("x86_64", "aarch64");

    static final String CHARTS = "oci://ghcr.io/spinframework/charts/";

    private final AgentPool wasmPool;
    private final KubernetesObject shim;
    private final KubernetesObject executor;
    private final Release spinOperator;

    /**
     * Where SpinKube goes and what it serves.
     *
     * @param wasmPool the size of the labelled user pool the shim is installed on
     * @param appNamespace the namespace of the app's SpinApps, where the executor goes
     * @param appNamespaceReady the resource that creates that namespace
     */
    public record Args(
            Output<String> resourceGroupName,
            Cluster cluster,
            PoolSize wasmPool,
            Map<String, String> tags,
            String appNamespace,
            Resource appNamespaceReady) {}

    public SpinKubeRuntime(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Cluster cluster = args.cluster();
        this.wasmPool = wasmPool(name, args);
        Release certManager = certManager(name, cluster);
        Release runtimeClassManager = runtimeClassManager(name, cluster, certManager);
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
                                Output.of(shimSpec())),
                        kubernetesChild(cluster, List.of(runtimeClassManager, wasmPool)));
        List<Resource> operatorNeeds = new ArrayList<>(spinOperatorCrds(name, cluster));
        operatorNeeds.add(certManager);
        this.spinOperator =
                new Release(
                        name + "-spin-operator",
                        ReleaseArgs.builder()
                                .chart(CHARTS + "spin-operator")
                                .version(PinnedVersions.SPIN_OPERATOR.version())
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
                                        args.appNamespace(),
                                        "labels",
                                        Labels.of(EXECUTOR, "wasm-runtime")),
                                Output.of(executorSpec())),
                        kubernetesChild(
                                cluster, List.of(spinOperator, shim, args.appNamespaceReady())));
        registerOutputs(Map.of());
    }

    private AgentPool wasmPool(String name, Args args) {
        return new AgentPool(
                name + "-pool",
                AgentPoolArgs.builder()
                        .resourceGroupName(args.resourceGroupName())
                        .resourceName(args.cluster().clusterName())
                        .agentPoolName(POOL_NAME)
                        .mode(AgentPoolMode.User)
                        .osType(OSType.Linux)
                        .count(args.wasmPool().count())
                        .vmSize(args.wasmPool().vmSize())
                        .availabilityZones(args.wasmPool().zonesOrNull())
                        .nodeLabels(Map.of(SHIM_NODE_LABEL, "true"))
                        .tags(args.tags())
                        .build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    private Release certManager(String name, Cluster cluster) {
        return new Release(
                name + "-cert-manager",
                ReleaseArgs.builder()
                        .chart("cert-manager")
                        .version(PinnedVersions.CERT_MANAGER.version())
                        .repositoryOpts(
                                RepositoryOptsArgs.builder()
                                        .repo("https://charts.jetstack.io")
                                        .build())
                        .namespace("cert-manager")
                        .createNamespace(true)
                        .values(Map.of("crds", Map.of("enabled", true)))
                        .build(),
                kubernetesChild(cluster, List.of()));
    }

    private Release runtimeClassManager(String name, Cluster cluster, Release certManager) {
        // The chart defaults its images to "latest"; pin them to the chart's release.
        Map<String, String> pinnedTag =
                Map.of("tag", "v" + PinnedVersions.RUNTIME_CLASS_MANAGER.version());
        return new Release(
                name + "-runtime-class-manager",
                ReleaseArgs.builder()
                        .chart(CHARTS + "runtime-class-manager")
                        .version(PinnedVersions.RUNTIME_CLASS_MANAGER.version())
                        .namespace("runtime-class-manager")
                        .createNamespace(true)
                        .values(
                                Map.of(
                                        "image",
                                        pinnedTag,
                                        "rcm",
                                        Map.of(
                                                "shimDownloaderImage",
                                                pinnedTag,
                                                "nodeInstallerImage",
                                                pinnedTag)))
                        .build(),
                kubernetesChild(cluster, List.of(certManager)));
    }

    /** The spin-operator chart does not install its CRDs, so the stack declares them. */
    private List<Resource> spinOperatorCrds(String name, Cluster cluster) {
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
        return crds;
    }

    private static Map<String, Object> shimSpec() {
        return Map.of(
                "nodeSelector",
                Map.of(SHIM_NODE_LABEL, "true"),
                "fetchStrategy",
                Map.of(
                        "platforms",
                        SHIM_ARCHITECTURES.stream().map(SpinKubeRuntime::shimArtifact).toList()),
                "containerdRuntimeOptions",
                CONTAINERD_RUNTIME_OPTIONS,
                "runtimeClass",
                Map.of("name", RUNTIME_CLASS, "handler", "spin-v2"),
                "rolloutStrategy",
                Map.of("type", "recreate"));
    }

    /** One platform's tarball, with its sha256 when {@link PinnedVersions} pins one. */
    private static Map<String, Object> shimArtifact(String arch) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("os", "linux");
        artifact.put("arch", arch);
        artifact.put(
                "location",
                "https://github.com/spinframework/containerd-shim-spin/releases/download/"
                        + PinnedVersions.SHIM.version()
                        + "/containerd-shim-spin-v2-linux-"
                        + arch
                        + ".tar.gz");
        String sha256 = PinnedVersions.SHIM_SHA256.get(arch);
        if (sha256 != null) {
            artifact.put("sha256", sha256);
        }
        return artifact;
    }

    private static Map<String, Object> executorSpec() {
        return Map.of(
                "createDeployment",
                true,
                "deploymentConfig",
                Map.of("runtimeClassName", RUNTIME_CLASS, "installDefaultCACerts", true));
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
