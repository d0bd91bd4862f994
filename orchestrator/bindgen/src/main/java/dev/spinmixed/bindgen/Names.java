package dev.spinmixed.bindgen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WIT identifiers ({@code kebab-case}, e.g. {@code unit-price-cents}) spelled for each target
 * language, with reserved words escaped by a trailing underscore.
 */
final class Names {

    private Names() {}

    private static final Set<String> JAVA_RESERVED =
            Set.of(
                    "abstract",
                    "assert",
                    "boolean",
                    "break",
                    "byte",
                    "case",
                    "catch",
                    "char",
                    "class",
                    "const",
                    "continue",
                    "default",
                    "do",
                    "double",
                    "else",
                    "enum",
                    "extends",
                    "final",
                    "finally",
                    "float",
                    "for",
                    "goto",
                    "if",
                    "implements",
                    "import",
                    "instanceof",
                    "int",
                    "interface",
                    "long",
                    "native",
                    "new",
                    "package",
                    "private",
                    "protected",
                    "public",
                    "return",
                    "short",
                    "static",
                    "strictfp",
                    "super",
                    "switch",
                    "synchronized",
                    "this",
                    "throw",
                    "throws",
                    "transient",
                    "try",
                    "void",
                    "volatile",
                    "while",
                    "true",
                    "false",
                    "null",
                    "var",
                    "yield",
                    "record",
                    "sealed",
                    "permits",
                    "_");

    private static final Set<String> RUST_RESERVED =
            Set.of(
                    "as",
                    "break",
                    "const",
                    "continue",
                    "crate",
                    "else",
                    "enum",
                    "extern",
                    "false",
                    "fn",
                    "for",
                    "if",
                    "impl",
                    "in",
                    "let",
                    "loop",
                    "match",
                    "mod",
                    "move",
                    "mut",
                    "pub",
                    "ref",
                    "return",
                    "self",
                    "Self",
                    "static",
                    "struct",
                    "super",
                    "trait",
                    "true",
                    "type",
                    "unsafe",
                    "use",
                    "where",
                    "while",
                    "async",
                    "await",
                    "dyn",
                    "abstract",
                    "become",
                    "box",
                    "do",
                    "final",
                    "macro",
                    "override",
                    "priv",
                    "typeof",
                    "unsized",
                    "virtual",
                    "yield",
                    "try");

    private static final Set<String> C_RESERVED =
            Set.of(
                    "auto",
                    "break",
                    "case",
                    "char",
                    "const",
                    "continue",
                    "default",
                    "do",
                    "double",
                    "else",
                    "enum",
                    "extern",
                    "float",
                    "for",
                    "goto",
                    "if",
                    "inline",
                    "int",
                    "long",
                    "register",
                    "restrict",
                    "return",
                    "short",
                    "signed",
                    "sizeof",
                    "static",
                    "struct",
                    "switch",
                    "typedef",
                    "union",
                    "unsigned",
                    "void",
                    "volatile",
                    "while",
                    "bool",
                    "true",
                    "false");

    private static final Set<String> TS_RESERVED =
            Set.of(
                    "break",
                    "case",
                    "catch",
                    "class",
                    "const",
                    "continue",
                    "debugger",
                    "default",
                    "delete",
                    "do",
                    "else",
                    "enum",
                    "export",
                    "extends",
                    "false",
                    "finally",
                    "for",
                    "function",
                    "if",
                    "import",
                    "in",
                    "instanceof",
                    "new",
                    "null",
                    "return",
                    "super",
                    "switch",
                    "this",
                    "throw",
                    "true",
                    "try",
                    "typeof",
                    "var",
                    "void",
                    "while",
                    "with",
                    "let",
                    "static",
                    "yield",
                    "type",
                    "namespace",
                    "interface",
                    "implements",
                    "package",
                    "private",
                    "protected",
                    "public",
                    "as",
                    "is",
                    "declare",
                    "abstract",
                    "readonly",
                    "constructor");

    static String words(String wit, String separator, boolean capitalize, boolean upper) {
        String plain = wit.startsWith("%") ? wit.substring(1) : wit;
        return Arrays.stream(plain.split("-"))
                .map(
                        w ->
                                upper
                                        ? w.toUpperCase(Locale.ROOT)
                                        : capitalize && !w.isEmpty()
                                                ? Character.toUpperCase(w.charAt(0))
                                                        + w.substring(1)
                                                : w.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(separator));
    }

    /** {@code priced-order} -> {@code PricedOrder}. */
    static String pascal(String wit) {
        return words(wit, "", true, false);
    }

    /** {@code unit-price-cents} -> {@code unitPriceCents}. */
    static String camel(String wit) {
        String p = pascal(wit);
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    /** {@code unit-price-cents} -> {@code unit_price_cents}. */
    static String snake(String wit) {
        return words(wit, "_", false, false);
    }

    /** {@code invalid-key} -> {@code INVALID_KEY}. */
    static String upperSnake(String wit) {
        return words(wit, "_", false, true);
    }

    static String java(String identifier) {
        return JAVA_RESERVED.contains(identifier) ? identifier + "_" : identifier;
    }

    static String rust(String identifier) {
        return RUST_RESERVED.contains(identifier) ? identifier + "_" : identifier;
    }

    static String c(String identifier) {
        return C_RESERVED.contains(identifier) ? identifier + "_" : identifier;
    }

    static String ts(String identifier) {
        return TS_RESERVED.contains(identifier) ? identifier + "_" : identifier;
    }
}
