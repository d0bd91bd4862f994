package dev.spinmixed.tests.stack;

import java.util.List;
import java.util.Map;

/** Walks the nested maps and lists the engine hands the mocks as resource inputs. */
final class Json {
    private Json() {}

    /** {@code at(inputs, "spec", "template", 0, "name")}: map keys and list indexes. */
    static Object at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (step instanceof Integer index) {
                if (!(node instanceof List<?> list) || index >= list.size()) {
                    throw new AssertionError(
                            "no element "
                                    + index
                                    + " in "
                                    + node
                                    + " (path "
                                    + List.of(path)
                                    + ")");
                }
                node = list.get(index);
            } else {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(step)) {
                    throw new AssertionError(
                            "no key '" + step + "' in " + node + " (path " + List.of(path) + ")");
                }
                node = map.get(step);
            }
        }
        return node;
    }

    static String string(Object root, Object... path) {
        return (String) at(root, path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, Object... path) {
        return (Map<String, Object>) at(root, path);
    }

    static List<?> list(Object root, Object... path) {
        return (List<?>) at(root, path);
    }

    /** Numbers cross the engine as doubles. */
    static int integer(Object root, Object... path) {
        return ((Number) at(root, path)).intValue();
    }
}
