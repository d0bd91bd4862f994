package dev.spinmixed.bindgen;

/** WIT the generators cannot turn into bindings, or a bad command line; the message says why. */
public final class BindgenException extends RuntimeException {

    public BindgenException(String message) {
        super(message);
    }
}
