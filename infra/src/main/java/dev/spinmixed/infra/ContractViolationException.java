package dev.spinmixed.infra;

import java.nio.file.Path;
import java.util.List;

/** The app's wasm does not keep its WIT contracts: nothing may be deployed. */
public final class ContractViolationException extends RuntimeException {
    private final List<String> problems;

    public ContractViolationException(Path spinToml, List<String> problems) {
        super(
                "The app in "
                        + spinToml
                        + " breaks its contracts; nothing was deployed:\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
