package dev.spinmixed.spinapp;

import java.nio.file.Path;
import java.util.List;

/**
 * An app that breaks its contracts: every problem the {@link ContractCheck} found, and what did not
 * happen because of them ("nothing was deployed").
 */
public class ContractViolationException extends RuntimeException {

    private final transient List<String> problems;

    public ContractViolationException(Path manifest, List<String> problems, String consequence) {
        super(
                "The app in "
                        + manifest
                        + " breaks its contracts; "
                        + consequence
                        + ":\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
