package dev.spinmixed.bindgen;

import java.util.LinkedHashMap;
import java.util.Map;

/** Guest glue for every world of the main package, in every guest language. */
final class GuestGlue {

    private GuestGlue() {}

    static Map<String, String> generate(Contract contract) {
        Map<String, String> files = new LinkedHashMap<>();
        return files;
    }
}
