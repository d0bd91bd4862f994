package dev.spinmixed.abi;

import java.util.Arrays;
import java.util.Objects;

/** A WIT variant value: the case name and its payload, null for a case without one. */
public record Variant(String caseName, Object payload) {

    public Variant {
        Objects.requireNonNull(caseName, "caseName");
    }

    public static Variant of(String caseName) {
        return new Variant(caseName, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variant v
                && caseName.equals(v.caseName)
                && Objects.deepEquals(payload, v.payload);
    }

    @Override
    public int hashCode() {
        return caseName.hashCode() * 31 + Arrays.deepHashCode(new Object[] {payload});
    }

    @Override
    public String toString() {
        return payload == null ? caseName : caseName + "(" + ValueModel.show(payload) + ")";
    }
}
