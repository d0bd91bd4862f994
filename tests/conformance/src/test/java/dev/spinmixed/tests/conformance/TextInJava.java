package dev.spinmixed.tests.conformance;

import dev.spinmixed.linker.HostFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The text interface (echo.wit) implemented in Java, to serve a relay's imports as host functions:
 * the same behaviour as text-echo.c, so the relay must answer exactly as it does when jco links it
 * to the wasm twin.
 */
final class TextInJava {

    private TextInJava() {}

    /** Host functions by function name, in the ABI's Java value model. */
    static Map<String, HostFunction> functions() {
        return Map.of(
                "reverse", args -> reverse((String) args.get(0)),
                "concat", args -> (String) args.get(0) + args.get(1),
                "count-code-points",
                        args ->
                                (long)
                                        ((String) args.get(0))
                                                .codePointCount(0, ((String) args.get(0)).length()),
                "reverse-bytes", args -> reverseBytes((byte[]) args.get(0)),
                "split", args -> split((String) args.get(0), (Integer) args.get(1)),
                "join", args -> String.join((String) args.get(1), strings(args.get(0))),
                "reverse-all", args -> reverseAll(strings(args.get(0))),
                "pending-allocations", args -> 0L);
    }

    /** StringBuilder.reverse keeps surrogate pairs together, so this reverses code points. */
    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    private static byte[] reverseBytes(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    /** Every occurrence of the separator splits: n separators give n + 1 parts. */
    private static List<String> split(String s, int separator) {
        String sep = Character.toString(separator);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, start)) {
            parts.add(s.substring(start, at));
            start = at + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static List<String> reverseAll(List<String> parts) {
        List<String> reversed = new ArrayList<>();
        parts.forEach(p -> reversed.add(reverse(p)));
        Collections.reverse(reversed);
        return reversed;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
