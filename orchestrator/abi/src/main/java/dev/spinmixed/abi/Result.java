package dev.spinmixed.abi;

import java.util.Arrays;
import java.util.Objects;

/** A WIT {@code result} value: ok or err, with the payload or null when that side has no type. */
public record Result(boolean isOk, Object value) {

    public static Result ok(Object value) {
        return new Result(true, value);
    }

    public static Result err(Object value) {
        return new Result(false, value);
    }

    public static Result ok() {
        return new Result(true, null);
    }

    public static Result err() {
        return new Result(false, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result r && isOk == r.isOk && Objects.deepEquals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(isOk) * 31 + Arrays.deepHashCode(new Object[] {value});
    }

    @Override
    public String toString() {
        return (isOk ? "ok" : "err") + (value == null ? "" : "(" + ValueModel.show(value) + ")");
    }
}
