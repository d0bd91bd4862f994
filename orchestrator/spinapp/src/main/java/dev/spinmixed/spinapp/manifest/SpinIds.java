package dev.spinmixed.spinapp.manifest;

import java.util.Optional;

/**
 * Spin's identifier rules (spin v3.6.3 {@code crates/serde/src/id.rs}): one or more words separated
 * by {@code -} (kebab, component ids) or {@code _} (snake, variable names); each word starts with
 * an ASCII letter and holds ASCII letters and digits, all lower-case or all upper-case; lower snake
 * ids allow lower-case words only.
 */
public final class SpinIds {

    private SpinIds() {}

    /**
     * Why {@code id} is not a kebab-case id (component ids, dependency interfaces), if it is not.
     */
    public static Optional<String> kebabProblem(String id) {
        return problem(id, '-', false);
    }

    /** Why {@code id} is not a snake_case id (key-value store and database labels). */
    public static Optional<String> snakeProblem(String id) {
        return problem(id, '_', false);
    }

    /** Why {@code id} is not a lower_snake_case id (variable names). */
    public static Optional<String> lowerSnakeProblem(String id) {
        return problem(id, '_', true);
    }

    private static Optional<String> problem(String id, char delimiter, boolean lowerOnly) {
        if (id.isEmpty()) {
            return Optional.of("empty");
        }
        char wrong = delimiter == '-' ? '_' : '-';
        if (id.indexOf(wrong) >= 0) {
            return Optional.of(
                    "words must be separated with '" + delimiter + "', not '" + wrong + "'");
        }
        for (String word : id.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
            if (word.isEmpty()) {
                return Optional.of("'" + delimiter + "'-separated words must not be empty");
            }
            char first = word.charAt(0);
            if (!isAsciiLetter(first)) {
                return Optional.of(
                        "'"
                                + delimiter
                                + "'-separated words must start with an ASCII letter; got '"
                                + first
                                + "'");
            }
            boolean upper = Character.isUpperCase(first);
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= '0' && c <= '9') {
                    continue;
                }
                if (!isAsciiLetter(c)) {
                    return Optional.of(
                            "'"
                                    + delimiter
                                    + "'-separated words may only contain alphanumeric ASCII; got '"
                                    + c
                                    + "'");
                }
                if (Character.isUpperCase(c) != upper) {
                    return Optional.of(
                            "'"
                                    + delimiter
                                    + "'-separated words must be all lowercase or all UPPERCASE;"
                                    + " got \""
                                    + word
                                    + "\"");
                }
            }
            if (lowerOnly && upper) {
                return Optional.of(
                        "Lower-case identifiers must be all lowercase; got \"" + id + "\"");
            }
        }
        return Optional.empty();
    }

    /**
     * A component-model label, as wasm-pkg-common 0.11 {@code Label} checks the namespace and name
     * of a package: dash-separated words of lower-case ASCII letters and digits, each starting with
     * a letter.
     */
    public static Optional<String> labelProblem(String label) {
        if (label.isEmpty()) {
            return Optional.of("labels may not be empty");
        }
        for (String word : label.split("-", -1)) {
            if (word.isEmpty()) {
                return Optional.of("dash-separated words may not be empty");
            }
            if (word.charAt(0) < 'a' || word.charAt(0) > 'z') {
                return Optional.of(
                        "dash-separated words must begin with an ASCII lowercase letter");
            }
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    return Optional.of(
                            "dash-separated words may contain only lowercase alphanumeric ASCII"
                                    + " characters");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
