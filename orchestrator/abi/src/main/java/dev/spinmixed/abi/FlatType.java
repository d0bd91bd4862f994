package dev.spinmixed.abi;

import com.dylibso.chicory.wasm.types.ValType;

/** A core wasm value type a WIT value flattens to. */
public enum FlatType {
    I32,
    I64,
    F32,
    F64;

    public ValType valType() {
        return switch (this) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
        };
    }

    /** The spelling in the wasm text format, e.g. {@code i32}. */
    public String watName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type one slot of a variant's flattened payload takes when two cases share it. */
    public static FlatType join(FlatType a, FlatType b) {
        if (a == b) {
            return a;
        }
        if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
            return I32;
        }
        return I64;
    }
}
