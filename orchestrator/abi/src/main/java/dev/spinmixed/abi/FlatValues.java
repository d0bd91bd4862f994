package dev.spinmixed.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sequence of core values as Chicory passes them (one {@code long} each: i32 sign-extended, f32
 * and f64 as raw bits) together with their core types. Reading coerces a slot that a variant
 * widened by joining back to the type the payload wants (CanonicalABI.md, {@code CoerceValueIter}).
 */
public final class FlatValues {

    private final long[] values;
    private final List<FlatType> types;
    private int position;

    public FlatValues(long[] values, List<FlatType> types) {
        if (values.length < types.size()) {
            throw new AbiException(
                    "expected " + types.size() + " core values, got " + values.length);
        }
        this.values = values;
        this.types = types;
    }

    /** The next value as the bits of {@code want}. */
    public long next(FlatType want) {
        FlatType have = types.get(position);
        return coerce(have, want, values[position++]);
    }

    /** A value of a slot of type {@code have} read as the bits of {@code want}. */
    static long coerce(FlatType have, FlatType want, long x) {
        if (have == want) {
            return x;
        }
        if (have == FlatType.I64 && (want == FlatType.I32 || want == FlatType.F32)) {
            return (int) x;
        }
        if ((have == FlatType.I32 && want == FlatType.F32)
                || (have == FlatType.I64 && want == FlatType.F64)) {
            return x;
        }
        throw new AbiException(
                "core value of type " + have.watName() + " cannot be read as " + want.watName());
    }

    public void skip(int count) {
        position += count;
    }

    /** Collects lowered values with their types, then hands them to Chicory as {@code long[]}. */
    public static final class Builder {

        private long[] values = new long[8];
        private final List<FlatType> types = new ArrayList<>();

        public void add(FlatType type, long value) {
            if (types.size() == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[types.size()] = value;
            types.add(type);
        }

        public int size() {
            return types.size();
        }

        public FlatType type(int index) {
            return types.get(index);
        }

        public long value(int index) {
            return values[index];
        }

        public long[] toArray() {
            return Arrays.copyOf(values, types.size());
        }

        public List<FlatType> types() {
            return List.copyOf(types);
        }
    }
}
