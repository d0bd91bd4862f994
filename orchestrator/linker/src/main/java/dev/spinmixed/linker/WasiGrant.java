package dev.spinmixed.linker;

import java.io.OutputStream;
import java.util.Optional;

/**
 * What WASI preview 1 may do for a guest. Deny by default: no preopened directories, no host
 * environment, no arguments, no stdin; the clock and randomness calls fail with {@code ENOTCAPABLE}
 * unless granted; stdout and stderr go to the log (or a given sink).
 */
public record WasiGrant(
        boolean clock,
        boolean random,
        Optional<OutputStream> stdout,
        Optional<OutputStream> stderr) {

    public static WasiGrant none() {
        return new WasiGrant(false, false, Optional.empty(), Optional.empty());
    }

    public WasiGrant withClock() {
        return new WasiGrant(true, random, stdout, stderr);
    }

    public WasiGrant withRandom() {
        return new WasiGrant(clock, true, stdout, stderr);
    }

    /** Sends the guests' stdout and stderr to {@code sink} instead of the log (e.g. for tests). */
    public WasiGrant withOutput(OutputStream sink) {
        return new WasiGrant(clock, random, Optional.of(sink), Optional.of(sink));
    }
}
