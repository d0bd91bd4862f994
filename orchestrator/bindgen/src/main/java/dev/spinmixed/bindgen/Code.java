package dev.spinmixed.bindgen;

/** Source text built line by line, with indentation that follows the blocks opened. */
final class Code {

    private final StringBuilder text = new StringBuilder();
    private final String unit;
    private int depth;

    Code(String indentUnit) {
        this.unit = indentUnit;
    }

    /** One line at the current indentation; an empty string is an empty line. */
    Code line(String line) {
        if (!line.isEmpty()) {
            text.append(unit.repeat(depth)).append(line);
        }
        text.append('\n');
        return this;
    }

    /** A line that opens a block: the lines after it are indented one more level. */
    Code open(String line) {
        line(line);
        depth++;
        return this;
    }

    /** A line that closes a block, one level less indented. */
    Code close(String line) {
        depth--;
        return line(line);
    }

    /** A line between two blocks, e.g. {@code } else {}: as indented as the block it closes. */
    Code middle(String line) {
        depth--;
        line(line);
        depth++;
        return this;
    }

    /** Lines of a comment block, each prefixed (e.g. {@code "/// "}). */
    Code comment(String prefix, String comment) {
        for (String l : comment.split("\n", -1)) {
            line((prefix + l).stripTrailing());
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
