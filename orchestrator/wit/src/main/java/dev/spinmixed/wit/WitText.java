package dev.spinmixed.wit;

import java.util.stream.Collectors;

/**
 * Renders resolved types and functions in WIT syntax, for error messages and signatures, e.g.
 * {@code func(order: order) -> result<order, rejection>}. Named types print as their name.
 */
public final class WitText {

    private WitText() {}

    public static String of(WitType type) {
        if (type instanceof WitType.Primitive primitive) {
            return primitive.witName();
        }
        if (type instanceof WitType.ListType list) {
            return "list<" + of(list.element()) + ">";
        }
        if (type instanceof WitType.OptionType option) {
            return "option<" + of(option.some()) + ">";
        }
        if (type instanceof WitType.ResultType result) {
            if (result.ok().isEmpty() && result.err().isEmpty()) {
                return "result";
            }
            String ok = result.ok().map(WitText::of).orElse("_");
            return "result<" + ok + result.err().map(err -> ", " + of(err)).orElse("") + ">";
        }
        if (type instanceof WitType.TupleType tuple) {
            return tuple.types().stream()
                    .map(WitText::of)
                    .collect(Collectors.joining(", ", "tuple<", ">"));
        }
        if (type instanceof WitType.RecordType record) {
            return record.name();
        }
        if (type instanceof WitType.VariantType variant) {
            return variant.name();
        }
        if (type instanceof WitType.EnumType enumType) {
            return enumType.name();
        }
        return ((WitType.FlagsType) type).name();
    }

    public static String of(Function function) {
        String params =
                function.params().stream()
                        .map(p -> p.name() + ": " + of(p.type()))
                        .collect(Collectors.joining(", ", "func(", ")"));
        return params + function.result().map(result -> " -> " + of(result)).orElse("");
    }
}
