package dev.spinmixed.spinapp;

import dev.spinmixed.linker.Component;
import dev.spinmixed.wit.ComponentType;

/**
 * A guest behind a component or dependency: its line of the guest table, its core module loaded and
 * validated against its world, and the component type a component built from it has.
 */
public record LoadedGuest(GuestTable.Entry guest, Component module, ComponentType type) {

    public String name() {
        return guest.name();
    }
}
