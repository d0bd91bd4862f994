package dev.spinmixed.linker;

/** How a call from one component's import to another component's export crosses between them. */
public enum AdapterMode {
    /**
     * Memory to memory through a {@link dev.spinmixed.abi.FusedAdapter} prepared when the
     * composition is built: no Java values in between (the default).
     */
    FUSED,
    /**
     * Lifted into Java values ({@link dev.spinmixed.abi.ValueModel}) from the caller and lowered
     * again into the callee, the path Java host functions take: the reference the fused adapters
     * are tested against.
     */
    LIFT_LOWER
}
