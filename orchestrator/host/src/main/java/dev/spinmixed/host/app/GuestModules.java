package dev.spinmixed.host.app;

import dev.spinmixed.apps.GuestTable;
import dev.spinmixed.host.manifest.ComponentConfig;
import dev.spinmixed.host.manifest.Dependency;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.manifest.ManifestException;
import dev.spinmixed.linker.Component;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the core module behind each component of a manifest and validates it against its world (see
 * {@link AppLayout}); each module is loaded once.
 */
public final class GuestModules {

    /**
     * What a component runs: the guest's name, its world and source language, and the loaded
     * module.
     */
    public record Guest(String name, String world, String language, Component component) {}

    private final Manifest manifest;
    private final AppLayout layout;
    private final WitResolve wit;
    private final Path guestTable;

    /**
     * The app build's guests by name; {@code dev.spinmixed.apps.Guest}, not this class's {@link
     * Guest}.
     */
    private final Map<String, dev.spinmixed.apps.Guest> table;

    private final Map<String, Guest> byGuestName = new ConcurrentHashMap<>();

    public GuestModules(Manifest manifest, AppLayout layout) {
        this.manifest = manifest;
        this.layout = layout;
        this.wit = WitLoader.loadDirectory(layout.witDir());
        this.guestTable = layout.guestTable();
        try {
            this.table =
                    GuestTable.read(guestTable).stream()
                            .collect(
                                    Collectors.toMap(
                                            dev.spinmixed.apps.Guest::name, Function.identity()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ManifestException(
                    guestTable + ": cannot read the guest table: " + e.getMessage(), e);
        }
    }

    /** The guest behind component {@code componentId}'s source. */
    public Guest forComponent(String componentId) {
        ComponentConfig c = manifest.component(componentId);
        return guest(
                AppLayout.guestName(c.source()),
                "component '" + componentId + "' (source " + c.source() + ")");
    }

    /** The guest a dependency of {@code componentId} stands for. */
    public Guest forDependency(String componentId, String name, Dependency dependency) {
        if (dependency instanceof Dependency.AppComponent ac) {
            return forComponent(ac.component());
        }
        Path path = ((Dependency.LocalPath) dependency).path();
        return guest(
                AppLayout.guestName(path.toString()),
                "dependency \""
                        + name
                        + "\" of component '"
                        + componentId
                        + "' (path "
                        + path
                        + ")");
    }

    private Guest guest(String name, String what) {
        Guest loaded = byGuestName.get(name);
        if (loaded != null) {
            return loaded;
        }
        dev.spinmixed.apps.Guest row = table.get(name);
        if (row == null) {
            throw new ManifestException(
                    what
                            + " stands for guest '"
                            + name
                            + "', which "
                            + guestTable
                            + " does not list");
        }
        Path core = layout.coreModule(name);
        if (!Files.isRegularFile(core)) {
            throw new ManifestException(
                    what
                            + ": core module "
                            + core
                            + " does not exist (build the app: ./mvnw -B -pl apps -am package)");
        }
        World world = wit.world(row.world());
        Component component;
        try {
            component = Component.load(name, core, world);
        } catch (IOException e) {
            throw new ManifestException(what + ": cannot read " + core + ": " + e.getMessage(), e);
        }
        Guest guest = new Guest(name, row.world(), row.language(), component);
        byGuestName.put(name, guest);
        return guest;
    }
}
