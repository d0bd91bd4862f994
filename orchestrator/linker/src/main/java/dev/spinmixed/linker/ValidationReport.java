package dev.spinmixed.linker;

import java.util.List;

/** Every way a core module fails to implement its world; empty when it is valid. */
public record ValidationReport(String module, String world, List<String> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        if (isValid()) {
            return "module '" + module + "' implements world " + world;
        }
        StringBuilder out =
                new StringBuilder(
                        "module '"
                                + module
                                + "' does not implement world "
                                + world
                                + " ("
                                + problems.size()
                                + " problem"
                                + (problems.size() == 1 ? "" : "s")
                                + "):");
        problems.forEach(p -> out.append("\n  - ").append(p));
        return out.toString();
    }
}
