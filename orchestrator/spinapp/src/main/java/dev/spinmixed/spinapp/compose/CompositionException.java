package dev.spinmixed.spinapp.compose;

/**
 * A component whose dependencies Spin would refuse to compose; the message quotes Spin's reason.
 */
public class CompositionException extends RuntimeException {

    public CompositionException(String message) {
        super(message);
    }
}
