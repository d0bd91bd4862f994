package dev.spinmixed.wit;

/** One lexical token of WIT source. {@code text} of an escaped identifier has no {@code %}. */
record Token(Kind kind, String text, SourcePosition position) {

    enum Kind {
        /** A kebab-case identifier that is not a keyword. */
        ID,
        /** A {@code %}-escaped identifier, which may spell a keyword. */
        ESCAPED_ID,
        KEYWORD,
        /**
         * Digits and the characters of a semver, e.g. {@code 0.2.0-rc.1}; WIT uses numbers only in
         * versions.
         */
        VERSION,
        /** An operator such as {@code ->}, {@code {} or {@code _}. */
        SYMBOL,
        EOF
    }

    boolean is(Kind expectedKind, String expectedText) {
        return kind == expectedKind && text.equals(expectedText);
    }

    boolean isSymbol(String symbol) {
        return is(Kind.SYMBOL, symbol);
    }

    boolean isKeyword(String keyword) {
        return is(Kind.KEYWORD, keyword);
    }

    boolean isId() {
        return kind == Kind.ID || kind == Kind.ESCAPED_ID;
    }

    /** How the token reads in an error message. */
    String describe() {
        switch (kind) {
            case ID:
                return "identifier `" + text + "`";
            case ESCAPED_ID:
                return "identifier `%" + text + "`";
            case KEYWORD:
                return "keyword `" + text + "`";
            case VERSION:
                return "version `" + text + "`";
            case SYMBOL:
                return "`" + text + "`";
            default:
                return "end of file";
        }
    }
}
