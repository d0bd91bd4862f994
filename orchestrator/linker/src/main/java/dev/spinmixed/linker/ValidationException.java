package dev.spinmixed.linker;

/** A module was rejected; {@link #report()} lists every problem found. */
public class ValidationException extends RuntimeException {

    private final transient ValidationReport report;

    public ValidationException(ValidationReport report) {
        super(report.toString());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
