package dev.spinmixed.host.manifest;

/** A spin.toml that this host cannot run; the message names the file and the offending field. */
public final class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
