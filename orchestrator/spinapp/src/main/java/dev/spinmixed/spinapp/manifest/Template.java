package dev.spinmixed.spinapp.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Spin template string such as {@code redis://{{ redis_host }}:6379}: literal text with {@code {{
 * variable }}} references to application variables.
 */
public record Template(String source, List<Part> parts) {

    public sealed interface Part {
        record Literal(String text) implements Part {}

        record Reference(String variable) implements Part {}
    }

    public Template {
        parts = List.copyOf(parts);
    }

    /** Parses {@code source}; an unclosed {@code {{} or an empty reference is an error. */
    public static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Part.Literal(source.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Part.Literal(source.substring(at, open)));
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{{' in template \"" + source + "\"");
            }
            String name = source.substring(open + 2, close).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty '{{ }}' in template \"" + source + "\"");
            }
            parts.add(new Part.Reference(name));
            at = close + 2;
        }
        return new Template(source, parts);
    }

    public Set<String> references() {
        return parts.stream()
                .filter(p -> p instanceof Part.Reference)
                .map(p -> ((Part.Reference) p).variable())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public String render(Function<String, String> variableValue) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Part.Literal literal) {
                out.append(literal.text());
            } else {
                out.append(variableValue.apply(((Part.Reference) part).variable()));
            }
        }
        return out.toString();
    }
}
