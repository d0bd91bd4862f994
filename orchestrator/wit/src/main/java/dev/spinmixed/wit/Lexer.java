package dev.spinmixed.wit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits WIT source into tokens, skipping whitespace and (nested) comments, doc comments included.
 */
final class Lexer {

    /**
     * The keywords of the WIT reference; they can only be used as names when escaped with {@code
     * %}.
     */
    static final Set<String> KEYWORDS =
            Set.of(
                    "as",
                    "async",
                    "bool",
                    "borrow",
                    "char",
                    "constructor",
                    "enum",
                    "export",
                    "f32",
                    "f64",
                    "flags",
                    "from",
                    "func",
                    "future",
                    "import",
                    "include",
                    "interface",
                    "list",
                    "map",
                    "option",
                    "own",
                    "package",
                    "record",
                    "resource",
                    "result",
                    "s16",
                    "s32",
                    "s64",
                    "s8",
                    "static",
                    "stream",
                    "string",
                    "tuple",
                    "type",
                    "u16",
                    "u32",
                    "u64",
                    "u8",
                    "use",
                    "variant",
                    "with",
                    "world");

    private static final String SINGLE_CHAR_SYMBOLS = "=,:;(){}<>*/.@";

    private final String source;
    private final String file;
    private final List<Token> tokens = new ArrayList<>();
    private int offset;
    private int line = 1;
    private int column = 1;

    private Lexer(String source, String file) {
        this.source = source;
        this.file = file;
    }

    static List<Token> tokenize(String source, String file) {
        Lexer lexer = new Lexer(source, file);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        if (source.startsWith("\uFEFF")) {
            offset = 1;
        }
        while (true) {
            skipWhitespaceAndComments();
            SourcePosition start = position();
            if (atEnd()) {
                tokens.add(new Token(Token.Kind.EOF, "", start));
                return;
            }
            char c = peek(0);
            if (isLetter(c)) {
                String word = identifier(start);
                tokens.add(
                        new Token(
                                KEYWORDS.contains(word) ? Token.Kind.KEYWORD : Token.Kind.ID,
                                word,
                                start));
            } else if (c == '%') {
                advance();
                if (atEnd() || !isLetter(peek(0))) {
                    throw new WitException(start, "expected an identifier after `%`");
                }
                tokens.add(new Token(Token.Kind.ESCAPED_ID, identifier(start), start));
            } else if (isDigit(c)) {
                tokens.add(new Token(Token.Kind.VERSION, version(), start));
            } else if (c == '-' && peek(1) == '>') {
                advance();
                advance();
                tokens.add(new Token(Token.Kind.SYMBOL, "->", start));
            } else if (c == '_' && !isIdChar(peek(1))) {
                advance();
                tokens.add(new Token(Token.Kind.SYMBOL, "_", start));
            } else if (SINGLE_CHAR_SYMBOLS.indexOf(c) >= 0) {
                advance();
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
            } else {
                throw new WitException(start, "unexpected character " + quoteChar(c));
            }
        }
    }

    private void skipWhitespaceAndComments() {
        while (!atEnd()) {
            char c = peek(0);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (!atEnd() && peek(0) != '\n') {
                    advance();
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest, as the WIT reference requires. */
    private void blockComment() {
        SourcePosition start = position();
        int depth = 0;
        do {
            if (atEnd()) {
                throw new WitException(
                        start, "unterminated block comment: expected `*/` before end of file");
            }
            if (peek(0) == '/' && peek(1) == '*') {
                depth++;
                advance();
            } else if (peek(0) == '*' && peek(1) == '/') {
                depth--;
                advance();
            }
            advance();
        } while (depth > 0);
    }

    /**
     * Reads {@code [a-zA-Z][a-zA-Z0-9-]*} and checks it is kebab-case: words start with a letter
     * and are all lower case or all upper case (acronyms such as {@code XML}).
     */
    private String identifier(SourcePosition start) {
        int begin = offset;
        while (!atEnd()
                && (isLetter(peek(0))
                        || isDigit(peek(0))
                        || (peek(0) == '-' && isIdChar(peek(1))))) {
            advance();
        }
        String word = source.substring(begin, offset);
        for (String part : word.split("-", -1)) {
            boolean startsWithLetter = !part.isEmpty() && isLetter(part.charAt(0));
            boolean oneCase =
                    part.equals(part.toLowerCase(Locale.ROOT))
                            || part.equals(part.toUpperCase(Locale.ROOT));
            if (!startsWithLetter || !oneCase) {
                throw new WitException(
                        start,
                        "identifier `"
                                + word
                                + "` is not kebab-case: expected words of letters and digits, each"
                                + " starting with a letter and all lower or all upper case, joined"
                                + " by `-`");
            }
        }
        return word;
    }

    /**
     * A {@code .} belongs to the version only when a digit or letter follows it, so
     * {@code @1.0.0.{a}} works.
     */
    private String version() {
        int begin = offset;
        while (!atEnd()) {
            char c = peek(0);
            boolean part =
                    isLetter(c)
                            || isDigit(c)
                            || c == '-'
                            || c == '+'
                            || (c == '.' && (isLetter(peek(1)) || isDigit(peek(1))));
            if (!part) {
                break;
            }
            advance();
        }
        return source.substring(begin, offset);
    }

    private SourcePosition position() {
        return new SourcePosition(file, line, column);
    }

    private boolean atEnd() {
        return offset >= source.length();
    }

    private char peek(int ahead) {
        int index = offset + ahead;
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private void advance() {
        if (source.charAt(offset) == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(source.charAt(offset))) {
            column++;
        }
        offset++;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdChar(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static String quoteChar(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "`" + c + "`";
    }
}
