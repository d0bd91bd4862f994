package dev.spinmixed.abi;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How WIT values look in Java, on both sides of the ABI (what {@link Lifter} produces and what
 * {@link Lowerer} accepts):
 *
 * <table>
 * <tr><th>WIT</th><th>Java</th></tr>
 * <tr><td>bool</td><td>{@link Boolean}</td></tr>
 * <tr><td>s8, u8, s16, u16, s32</td><td>{@link Integer} (range-checked when lowered)</td></tr>
 * <tr><td>u32, s64</td><td>{@link Long} (u32 range-checked when lowered)</td></tr>
 * <tr><td>u64</td><td>{@link Long} holding the 64-bit pattern (values above {@code Long.MAX_VALUE}
 *     are negative; use {@link Long#toUnsignedString(long)})</td></tr>
 * <tr><td>f32, f64</td><td>{@link Float}, {@link Double}; every NaN becomes the canonical NaN</td></tr>
 * <tr><td>char</td><td>{@link Integer} code point (no surrogates, at most 0x10FFFF)</td></tr>
 * <tr><td>string</td><td>{@link String} (UTF-8 in guest memory, decoded strictly)</td></tr>
 * <tr><td>list&lt;u8&gt;</td><td>{@code byte[]} (one copy, no boxing: bodies and payloads)</td></tr>
 * <tr><td>list&lt;T&gt;</td><td>{@link List}{@code <Object>}</td></tr>
 * <tr><td>record</td><td>{@link Record} (field names in order, {@code get(name)})</td></tr>
 * <tr><td>tuple</td><td>{@link List}{@code <Object>}</td></tr>
 * <tr><td>variant</td><td>{@link Variant}{@code (caseName, payload-or-null)}</td></tr>
 * <tr><td>enum</td><td>{@link String} case name</td></tr>
 * <tr><td>flags</td><td>{@link java.util.Set}{@code <String>} of the flags that are set</td></tr>
 * <tr><td>option</td><td>{@link Optional}{@code <Object>}</td></tr>
 * <tr><td>result</td><td>{@link Result} (ok or err, payload or null)</td></tr>
 * </table>
 *
 * <p>Lifted lists, tuples, sets and records are immutable. A function's parameters travel as a
 * {@code List<Object>} in declaration order; a function without a result returns null.
 */
public final class ValueModel {

    private ValueModel() {}

    /**
     * Structural equality that compares {@code byte[]} by content, also inside lists and options.
     */
    public static boolean equal(Object a, Object b) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
            return x.isPresent() == y.isPresent() && (x.isEmpty() || equal(x.get(), y.get()));
        }
        if (a instanceof Record x && b instanceof Record y) {
            return x.names().equals(y.names()) && equal(x.values(), y.values());
        }
        if (a instanceof Variant x && b instanceof Variant y) {
            return x.caseName().equals(y.caseName()) && equal(x.payload(), y.payload());
        }
        if (a instanceof Result x && b instanceof Result y) {
            return x.isOk() == y.isOk() && equal(x.value(), y.value());
        }
        return Objects.deepEquals(a, b);
    }

    /** A short readable form for messages: byte arrays show their length and first bytes. */
    public static String show(Object value) {
        if (value instanceof byte[] bytes) {
            String head = Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 16)));
            return "bytes[" + bytes.length + "]" + head;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValueModel::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Optional<?> o) {
            return o.map(v -> "some(" + show(v) + ")").orElse("none");
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }
}
