package dev.spinmixed.wit;

import java.util.Map;
import java.util.Optional;

/** One WIT package: its interfaces and worlds by name. */
public record WitPackage(
        PackageName name, Map<String, Interface> interfaces, Map<String, World> worlds) {

    public WitPackage {
        interfaces = Map.copyOf(interfaces);
        worlds = Map.copyOf(worlds);
    }

    public Optional<Interface> iface(String interfaceName) {
        return Optional.ofNullable(interfaces.get(interfaceName));
    }

    public Optional<World> world(String worldName) {
        return Optional.ofNullable(worlds.get(worldName));
    }
}
