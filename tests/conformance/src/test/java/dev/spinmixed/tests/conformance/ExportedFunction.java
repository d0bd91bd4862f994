package dev.spinmixed.tests.conformance;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitText;
import java.util.Optional;

/**
 * A function a guest world exports: through an interface ({@code ns:pkg/iface@ver}) or, when {@code
 * iface} is empty, by the world itself.
 */
record ExportedFunction(String world, Optional<String> iface, Function function) {

    /** How messages name it: {@code conformance:echo/scalars@0.1.0#inc-u8: func(x: u8) -> u8}. */
    String describe() {
        return iface.map(i -> i + "#").orElse("") + function.name() + ": " + WitText.of(function);
    }
}
