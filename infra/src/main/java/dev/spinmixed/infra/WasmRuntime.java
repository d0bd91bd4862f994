package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the cluster runs wasm: the value of the {@code wasmRuntime} config key. */
public enum WasmRuntime {
    /** cert-manager + runtime-class-manager + spin-operator on a labelled user pool; Spin 3.x. */
    SPINKUBE("spinkube"),
    /**
     * An AKS node pool with {@code workloadRuntime: WasmWasi}; retired by Azure, ships Spin 2.6.
     */
    AKS_WASI("aks-wasi");

    private final String configValue;

    WasmRuntime(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
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
