package dev.spinmixed.wit;

import java.util.Optional;

/** {@code namespace:name[@version]}, e.g. {@code acme:orders@0.1.0} or {@code fermyon:spin}. */
public record PackageName(String namespace, String name, Optional<String> version) {

    /** The id used in canonical ABI names: {@code ns:pkg/iface[@ver]}. */
    public String qualify(String interfaceName) {
        return namespace + ":" + name + "/" + interfaceName + version.map(v -> "@" + v).orElse("");
    }

    @Override
    public String toString() {
        return namespace + ":" + name + version.map(v -> "@" + v).orElse("");
    }
}
