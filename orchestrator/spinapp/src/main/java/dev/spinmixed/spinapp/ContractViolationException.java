package dev.spinmixed.spinapp;

import java.nio.file.Path;
import java.util.List;

/** An app that breaks its contracts: every problem the {@link ContractCheck} found. */
public class ContractViolationException extends RuntimeException {

    private final transient List<String> problems;

    public ContractViolationException(Path manifest, List<String> problems) {
        super(
                "The app in "
                        + manifest
                        + " breaks its contracts:\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
