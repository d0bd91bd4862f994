package dev.spinmixed.linker;

import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.UninstantiableException;
import dev.spinmixed.abi.AbiException;

/** Turns what can go wrong in a guest call into a {@link GuestFault} message. */
final class Faults {

    private Faults() {}

    static String describe(Throwable e) {
        if (e instanceof TrapException) {
            return "trapped: " + e.getMessage();
        }
        if (e instanceof UninstantiableException) {
            return "could not be instantiated: " + e.getMessage();
        }
        if (e instanceof WasiExitException exit) {
            return "exited with code " + exit.exitCode();
        }
        if (e instanceof AbiException) {
            return e.getMessage();
        }
        if (e instanceof StackOverflowError) {
            return "exhausted the call stack";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The innermost fault already attributed to a component, if a nested call failed. */
    static GuestFault attributed(Throwable e) {
        GuestFault found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuestFault g) {
                found = g;
            }
        }
        return found;
    }
}
