package dev.spinmixed.infra;

/** A stack setting that cannot be deployed; thrown before any resource is declared. */
public final class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
        super(message);
    }

    /** "Config spin-mixed-workloads:key = "value" is not accepted: what is accepted." */
    static InvalidSettingException of(String key, Object value, String accepted) {
        return new InvalidSettingException(
                "Config "
                        + Settings.PROJECT
                        + ":"
                        + key
                        + " = \""
                        + value
                        + "\" is not accepted: "
                        + accepted);
    }
}
