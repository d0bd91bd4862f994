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

    /**
     * @param wasiPool the size of the WasmWasi pool
     */
    public record Args(
            Output<String> resourceGroupName,
            Output<String> clusterName,
            PoolSize wasiPool,
            Map<String, String> tags) {}

    public AksWasiRuntime(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.wasiPool =
                new AgentPool(
                        name + "-pool",
                        AgentPoolArgs.builder()
                                .resourceGroupName(args.resourceGroupName())
                                .resourceName(args.clusterName())
                                .agentPoolName(POOL_NAME)
                                .mode(AgentPoolMode.User)
                                .osType(OSType.Linux)
                                .workloadRuntime(WorkloadRuntime.WasmWasi)
                                .count(args.wasiPool().count())
                                .vmSize(args.wasiPool().vmSize())
                                .availabilityZones(args.wasiPool().zonesOrNull())
                                .nodeTaints(TAINT_KEY + "=" + TAINT_VALUE + ":" + TAINT_EFFECT)
                                .tags(args.tags())
                                .build(),
                        CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    /** Spin pods are scheduled once the pool exists. */
    public AgentPool wasiPool() {
        return wasiPool;
    }
}
