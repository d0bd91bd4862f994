package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the cluster runs wasm: the value of the {@code wasmRuntime} config key. */
public enum WasmRuntime {
    /**
     * cert-manager + runtime-class-manager + spin-operator on a labelled user pool; Spin 3.x.
     * containerd-shim-spin v0.24.0 keeps only the components named in {@code
     * SPIN_COMPONENTS_TO_RETAIN} (containerd-shim-spin/src/engine.rs), which spin-operator sets
     * from a SpinApp's {@code components}.
     */
    SPINKUBE("spinkube", true),
    /**
     * An AKS node pool with {@code workloadRuntime: WasmWasi}; retired by Azure, ships Spin 2.6.
     * Its shim runs every trigger of the image: containerd-shim-spin added {@code
     * SPIN_COMPONENTS_TO_RETAIN} in v0.17.0, its first release on Spin 3.0 (CHANGELOG.md), and Spin
     * 2.6 itself has no way to keep only some components.
     */
    AKS_WASI("aks-wasi", false);

    private final String configValue;
    private final boolean selectiveDeployment;

    WasmRuntime(String configValue, boolean selectiveDeployment) {
        this.configValue = configValue;
        this.selectiveDeployment = selectiveDeployment;
    }

    public String configValue() {
        return configValue;
    }

    /** True when a workload can run only some of the image's components. */
    public boolean selectiveDeployment() {
        return selectiveDeployment;
    }

    public static Optional<WasmRuntime> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(r -> r.configValue.equals(value)).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values())
                .map(WasmRuntime::configValue)
                .collect(Collectors.joining(", "));
    }
}
