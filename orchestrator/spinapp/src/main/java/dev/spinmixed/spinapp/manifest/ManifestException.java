package dev.spinmixed.spinapp.manifest;

/** A spin.toml that Spin would refuse, or that cannot be read; the message names file and field. */
public class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
