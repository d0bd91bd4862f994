package dev.spinmixed.infra;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.azurenative.containerservice.enums.WorkloadRuntime;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * The original note's path: an AKS node pool with {@code workloadRuntime: WasmWasi}, whose
 * Azure-managed shim provides RuntimeClass {@code wasmtime-spin-v2} (Spin 2.6) and labels its nodes
 * {@code kubernetes.azure.com/wasmtime-spin-v2=true}. Azure retired these pools for new clusters on
 * 2025-05-05; the pool is tainted so only wasm workloads land on it.
 */
public final class AksWasiRuntime extends ComponentResource {
    public static final String TYPE = "spinmixed:wasm:AksWasiRuntime";

    public static final String POOL_NAME = "wasi";
    public static final String RUNTIME_CLASS = "wasmtime-spin-v2";
    public static final Map<String, String> NODE_SELECTOR =
            Map.of("kubernetes.azure.com/wasmtime-spin-v2", "true");
    public static final String TAINT_KEY = "spinmixed.dev/wasm";
    public static final String TAINT_VALUE = "true";
    public static final String TAINT_EFFECT = "NoSchedule";

    private final AgentPool wasiPool;

    public AksWasiRuntime(
            String name,
            Settings settings,
            Output<String> resourceGroupName,
            Cluster cluster,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.wasiPool =
                new AgentPool(
                        name + "-pool",
                        AgentPoolArgs.builder()
                                .resourceGroupName(resourceGroupName)
                                .resourceName(cluster.clusterName())
                                .agentPoolName(POOL_NAME)
                                .mode(AgentPoolMode.User)
                                .osType(OSType.Linux)
                                .workloadRuntime(WorkloadRuntime.WasmWasi)
                                .count(settings.wasmNodeCount())
                                .vmSize(settings.wasmVmSize())
                                .availabilityZones(settings.zonesOrNull())
                                .nodeTaints(
                                        List.of(TAINT_KEY + "=" + TAINT_VALUE + ":" + TAINT_EFFECT))
                                .tags(settings.tags())
                                .build(),
                        CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    /** Spin pods are scheduled once the pool exists. */
    public AgentPool wasiPool() {
        return wasiPool;
    }
}
