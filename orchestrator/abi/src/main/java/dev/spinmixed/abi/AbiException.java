package dev.spinmixed.abi;

/**
 * A value could not cross the canonical ABI boundary: a guest handed over a pointer or length
 * outside its memory, a misaligned pointer, invalid UTF-8, a bad discriminant or char, or the host
 * passed a Java value that does not fit the WIT type. The message names where (component and
 * function, when known) and what was wrong. In the spec's terms most of these are traps.
 */
public class AbiException extends RuntimeException {

    public AbiException(String message) {
        super(message);
    }

    public AbiException(String message, Throwable cause) {
        super(message, cause);
    }
}
