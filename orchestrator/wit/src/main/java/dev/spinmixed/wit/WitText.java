package dev.spinmixed.wit;

import java.util.stream.Collectors;

/**
 * Renders resolved types and functions in WIT syntax, for error messages and signatures, e.g.
 * {@code func(order: order) -> result<order, rejection>}. Named types print as their name; {@link
 * #describe} adds their kind ({@code record order}) where a message names one type alone.
 */
public final class WitText {

    private WitText() {}

    public static String of(WitType type) {
        return type.accept(SPELLING);
    }

    /**
     * The type for a message about one value: a named type with its kind ({@code record order},
     * {@code variant error}, {@code enum step}, {@code flags permissions}), others as {@link #of}.
     */
    public static String describe(WitType type) {
        return type.accept(DESCRIPTION);
    }

    private static final WitType.Visitor<String> DESCRIPTION =
            new WitType.Visitor<>() {
                @Override
                public String primitive(WitType.Primitive type) {
                    return of(type);
                }

                @Override
                public String list(WitType.ListType type) {
                    return of(type);
                }

                @Override
                public String option(WitType.OptionType type) {
                    return of(type);
                }

                @Override
                public String result(WitType.ResultType type) {
                    return of(type);
                }

                @Override
                public String tuple(WitType.TupleType type) {
                    return of(type);
                }

                @Override
                public String record(WitType.RecordType type) {
                    return "record " + type.name();
                }

                @Override
                public String variant(WitType.VariantType type) {
                    return "variant " + type.name();
                }

                @Override
                public String enumType(WitType.EnumType type) {
                    return "enum " + type.name();
                }

                @Override
                public String flags(WitType.FlagsType type) {
                    return "flags " + type.name();
                }
            };

    private static final WitType.Visitor<String> SPELLING =
            new WitType.Visitor<>() {
                @Override
                public String primitive(WitType.Primitive type) {
                    return type.witName();
                }

                @Override
                public String list(WitType.ListType type) {
                    return "list<" + of(type.element()) + ">";
                }

                @Override
                public String option(WitType.OptionType type) {
                    return "option<" + of(type.some()) + ">";
                }

                @Override
                public String result(WitType.ResultType type) {
                    if (type.ok().isEmpty() && type.err().isEmpty()) {
                        return "result";
                    }
                    String ok = type.ok().map(WitText::of).orElse("_");
                    return "result<" + ok + type.err().map(err -> ", " + of(err)).orElse("") + ">";
                }

                @Override
                public String tuple(WitType.TupleType type) {
                    return type.types().stream()
                            .map(WitText::of)
                            .collect(Collectors.joining(", ", "tuple<", ">"));
                }

                @Override
                public String record(WitType.RecordType type) {
                    return type.name();
                }

                @Override
                public String variant(WitType.VariantType type) {
                    return type.name();
                }

                @Override
                public String enumType(WitType.EnumType type) {
                    return type.name();
                }

                @Override
                public String flags(WitType.FlagsType type) {
                    return type.name();
                }
            };

    public static String of(Function function) {
        String params =
                function.params().stream()
                        .map(p -> p.name() + ": " + of(p.type()))
                        .collect(Collectors.joining(", ", "func(", ")"));
        return params + function.result().map(result -> " -> " + of(result)).orElse("");
    }
}
