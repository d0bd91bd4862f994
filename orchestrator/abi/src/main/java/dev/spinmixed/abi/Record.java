package dev.spinmixed.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A WIT record value: field names in declaration order with their values (see {@link ValueModel}).
 * Equality compares {@code byte[]} field values by content.
 */
public final class Record {

    private final List<String> names;
    private final List<Object> values;

    public Record(List<String> names, List<Object> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(
                    names.size() + " field names but " + values.size() + " values");
        }
        this.names = List.copyOf(names);
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** {@code Record.of("status", 200, "body", Optional.empty())}: alternating names and values. */
    public static Record of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Record.of takes name, value pairs");
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add((String) namesAndValues[i]);
            values.add(namesAndValues[i + 1]);
        }
        return new Record(names, values);
    }

    public List<String> names() {
        return names;
    }

    public List<Object> values() {
        return values;
    }

    /** The value of a field; a field the record does not have is an error, not null. */
    public Object get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "record has no field '" + name + "' (fields: " + names + ")");
        }
        return values.get(index);
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r
                && names.equals(r.names)
                && IntStream.range(0, values.size())
                        .allMatch(i -> Objects.deepEquals(values.get(i), r.values.get(i)));
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31
                + values.stream().mapToInt(v -> Arrays.deepHashCode(new Object[] {v})).sum();
    }

    @Override
    public String toString() {
        return IntStream.range(0, names.size())
                .mapToObj(i -> names.get(i) + ": " + ValueModel.show(values.get(i)))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
