package dev.spinmixed.linker;

/**
 * A call into a composition failed inside the guest or at its ABI boundary: a trap, an exit, a bad
 * pointer, invalid UTF-8, a failing host import. The instances involved are discarded; the
 * composition stays usable for the next call.
 */
public class GuestFault extends RuntimeException {

    private final String component;
    private final String function;

    public GuestFault(String component, String function, String problem, Throwable cause) {
        super("component '" + component + "', function " + function + ": " + problem, cause);
        this.component = component;
        this.function = function;
    }

    public String component() {
        return component;
    }

    public String function() {
        return function;
    }
}
