package dev.spinmixed.linker;

import java.util.List;

/** A composition cannot be built: imports nobody provides, or providers of the wrong type. */
public class LinkException extends RuntimeException {

    private final List<String> problems;

    public LinkException(List<String> problems) {
        super(
                "cannot link composition ("
                        + problems.size()
                        + " problem"
                        + (problems.size() == 1 ? "" : "s")
                        + "):\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
