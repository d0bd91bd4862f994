package dev.spinmixed.spinapp;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.MachineCache;
import dev.spinmixed.linker.ValidationException;
import dev.spinmixed.spinapp.compose.CompositionException;
import dev.spinmixed.spinapp.compose.DependencyComposer;
import dev.spinmixed.spinapp.compose.DependencyLink;
import dev.spinmixed.spinapp.manifest.ComponentDependency;
import dev.spinmixed.spinapp.manifest.ComponentSource;
import dev.spinmixed.spinapp.manifest.DependencyName;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import dev.spinmixed.spinapp.manifest.Trigger;
import dev.spinmixed.wit.ComponentType;
import dev.spinmixed.wit.WitException;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one contract check of an app, shared by the app build, the JVM host ({@code check} and {@code
 * up}) and the stack's gate: every component's core module implements the world the guest table
 * gives it; every triggered component composes with its dependencies by Spin's rules ({@link
 * DependencyComposer}), as Spin composes only the components its triggers load (spin v3.6.3 {@code
 * crates/factors-executor/src/lib.rs}, {@code load_app}); each trigger's component exports the
 * handler of its trigger. Every problem is reported, not just the first.
 */
public final class ContractCheck {

    static final String INBOUND_HTTP = "fermyon:spin/inbound-http";
    static final String INBOUND_REDIS = "fermyon:spin/inbound-redis";

    /** One line of the report: a subject and what was found, good or bad. */
    public record Finding(String subject, boolean ok, String message) {}

    /** All findings, and the checked app when there was no problem. */
    public record Report(SpinManifest manifest, List<Finding> findings, Optional<CheckedApp> app) {

        public Report {
            findings = List.copyOf(findings);
        }

        public boolean passed() {
            return app.isPresent();
        }

        public List<String> problems() {
            return findings.stream()
                    .filter(f -> !f.ok())
                    .map(f -> f.subject() + ": " + f.message())
                    .toList();
        }

        /**
         * The checked app; throws {@link ContractViolationException} listing every problem and
         * saying what was not done ({@code consequence}).
         */
        public CheckedApp orThrow(String consequence) {
            return app.orElseThrow(
                    () -> new ContractViolationException(manifest.file(), problems(), consequence));
        }
    }

    private final SpinManifest manifest;
    private final AppLayout layout;
    private final Optional<MachineCache> machineCache;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Optional<LoadedGuest>> guests = new HashMap<>();
    private WitResolve wit;
    private Map<String, GuestTable.Entry> table;

    private ContractCheck(
            SpinManifest manifest, AppLayout layout, Optional<MachineCache> machineCache) {
        this.manifest = manifest;
        this.layout = layout;
        this.machineCache = machineCache;
    }

    public static Report run(SpinManifest manifest, AppLayout layout) {
        return run(manifest, layout, Optional.empty());
    }

    /**
     * As {@link #run(SpinManifest, AppLayout)}; modules {@code machineCache} has seen pass
     * Chicory's validation are not validated again (every other check runs).
     */
    public static Report run(
            SpinManifest manifest, AppLayout layout, Optional<MachineCache> machineCache) {
        return new ContractCheck(manifest, layout, machineCache).report();
    }

    private Report report() {
        if (!loadContracts()) {
            return new Report(manifest, findings, Optional.empty());
        }
        Map<String, LoadedGuest> components = new LinkedHashMap<>();
        for (ManifestComponent c : manifest.components().values()) {
            componentGuest(c).ifPresent(g -> components.put(c.id(), g));
        }
        Map<String, List<CheckedApp.Link>> links = new LinkedHashMap<>();
        for (String id : manifest.triggeredComponents()) {
            ManifestComponent c = manifest.component(id);
            if (components.containsKey(id) && !c.dependencies().isEmpty()) {
                compose(c, components.get(id)).ifPresent(l -> links.put(id, l));
            }
        }
        for (Trigger trigger : manifest.triggers()) {
            trigger.component()
                    .filter(components::containsKey)
                    .ifPresent(id -> checkHandler(trigger, components.get(id)));
        }
        boolean passed = findings.stream().allMatch(Finding::ok);
        return new Report(
                manifest,
                findings,
                passed
                        ? Optional.of(new CheckedApp(manifest, layout, components, links))
                        : Optional.empty());
    }

    private boolean loadContracts() {
        try {
            wit = WitLoader.loadDirectory(layout.witDir());
        } catch (WitException e) {
            fail("WIT " + layout.witDir(), "the contracts do not parse: " + e.getMessage());
            return false;
        }
        try {
            table = new LinkedHashMap<>();
            GuestTable.read(layout.guestTable()).forEach(g -> table.put(g.name(), g));
        } catch (IOException | IllegalArgumentException e) {
            fail("guest table " + layout.guestTable(), "cannot be read: " + e.getMessage());
            return false;
        }
        return true;
    }

    private Optional<LoadedGuest> componentGuest(ManifestComponent c) {
        String subject = "component `" + c.id() + "`";
        if (!(c.source() instanceof ComponentSource.LocalFile file)) {
            fail(
                    subject,
                    "source "
                            + c.source()
                            + " is not a local file; this project's tools check and run local"
                            + " components only");
            return Optional.empty();
        }
        return guest(file.path(), subject, "source " + file.path());
    }

    /**
     * The guest a local wasm path stands for, loaded and validated once; {@code reference} says
     * where the path comes from.
     */
    private Optional<LoadedGuest> guest(String path, String subject, String reference) {
        String name = AppLayout.guestName(path);
        if (guests.containsKey(name)) {
            return guests.get(name);
        }
        Optional<LoadedGuest> loaded = load(name, subject, reference);
        guests.put(name, loaded);
        return loaded;
    }

    private Optional<LoadedGuest> load(String name, String subject, String reference) {
        GuestTable.Entry entry = table.get(name);
        if (entry == null) {
            fail(
                    subject,
                    reference
                            + " stands for guest '"
                            + name
                            + "', which "
                            + layout.guestTable()
                            + " does not list");
            return Optional.empty();
        }
        Path core = layout.coreModule(name);
        if (!Files.isRegularFile(core)) {
            fail(
                    subject,
                    "no core module at "
                            + core
                            + " (build the app first: ./mvnw -B -pl apps -am package)");
            return Optional.empty();
        }
        try {
            var world = wit.world(entry.world());
            Component module = Component.load(name, Files.readAllBytes(core), world, machineCache);
            findings.add(
                    new Finding(
                            subject,
                            true,
                            reference
                                    + ": core module "
                                    + entry.wasmFile()
                                    + " implements world "
                                    + entry.world()
                                    + " ("
                                    + entry.language()
                                    + ")"));
            return Optional.of(new LoadedGuest(entry, module, ComponentType.of(world, wit)));
        } catch (WitException e) {
            fail(subject, e.getMessage());
        } catch (ValidationException e) {
            e.report().problems().forEach(p -> fail(subject, "world " + entry.world() + ": " + p));
        } catch (IOException e) {
            fail(subject, "cannot read " + core + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<List<CheckedApp.Link>> compose(ManifestComponent c, LoadedGuest root) {
        String subject = "component `" + c.id() + "` dependencies";
        Map<DependencyName, DependencyComposer.Dependency> dependencies = new LinkedHashMap<>();
        Map<DependencyName, LoadedGuest> providers = new HashMap<>();
        for (Map.Entry<DependencyName, ComponentDependency> e : c.dependencies().entrySet()) {
            String what = "dependency \"" + e.getKey() + "\"";
            Optional<String> path = localPath(e.getValue());
            if (path.isEmpty()) {
                fail(
                        subject,
                        what
                                + " is not a local component or an app component; this"
                                + " project's tools check and run local components only");
                return Optional.empty();
            }
            String description =
                    e.getValue() instanceof ComponentDependency.AppComponent ac
                            ? "component `" + ac.component() + "`"
                            : "path " + path.get();
            Optional<LoadedGuest> provider =
                    guest(path.get(), subject, what + " (" + description + ")");
            if (provider.isEmpty()) {
                return Optional.empty(); // its problem is reported where it failed to load
            }
            dependencies.put(
                    e.getKey(),
                    new DependencyComposer.Dependency(description, provider.get().type()));
            providers.put(e.getKey(), provider.get());
        }
        List<DependencyLink> rules;
        try {
            rules = DependencyComposer.compose(c, root.type(), dependencies);
        } catch (CompositionException e) {
            fail(subject, e.getMessage());
            return Optional.empty();
        }
        List<CheckedApp.Link> links = new ArrayList<>();
        for (DependencyLink rule : rules) {
            links.add(new CheckedApp.Link(rule, providers.get(rule.dependencyName())));
            findings.add(
                    new Finding(
                            subject,
                            true,
                            "import "
                                    + rule.importName()
                                    + " <- "
                                    + rule.dependency()
                                    + (rule.exportName().equals(rule.importName())
                                            ? ""
                                            : " (its export " + rule.exportName() + ")")
                                    + ", composed in-process"));
        }
        return Optional.of(links);
    }

    /**
     * The local wasm file behind a dependency: a path, or, as Spin's normalization does, the source
     * of the app component it names.
     */
    private Optional<String> localPath(ComponentDependency d) {
        if (d instanceof ComponentDependency.LocalPath p) {
            return Optional.of(p.path());
        }
        if (d instanceof ComponentDependency.AppComponent ac
                && manifest.component(ac.component()).source()
                        instanceof ComponentSource.LocalFile file) {
            return Optional.of(file.path());
        }
        return Optional.empty();
    }

    /**
     * The handler a trigger calls must be exported: for HTTP, one of the handler interfaces Spin
     * 3.6.3 detects (spin v3.6.3 {@code crates/http/src/trigger.rs}, {@code
     * HandlerType::from_instance_pre}); for Redis, {@code fermyon:spin/inbound-redis} ({@code
     * crates/trigger-redis/src/lib.rs}).
     */
    private void checkHandler(Trigger trigger, LoadedGuest component) {
        String subject =
                "trigger."
                        + trigger.type()
                        + " (id "
                        + trigger.id()
                        + ") -> component `"
                        + trigger.component().orElseThrow()
                        + "`";
        Set<String> exports = component.type().exports().keySet();
        if (trigger instanceof Trigger.HttpTrigger) {
            List<String> handlers =
                    exports.stream().filter(ContractCheck::isHttpHandlerExport).toList();
            if (handlers.isEmpty()) {
                fail(
                        subject,
                        "Expected component to export one of"
                                + " `wasi:http/incoming-handler@0.2.0-rc-2023-10-18`,"
                                + " `wasi:http/incoming-handler@0.2.0-rc-2023-11-10`,"
                                + " `wasi:http/incoming-handler@0.2.*`,"
                                + " `wasi:http/handler@0.3.0-rc-2026-01-06`, or"
                                + " `fermyon:spin/inbound-http` but it exported none of those"
                                + " (world "
                                + component.guest().world()
                                + " exports: "
                                + String.join(", ", exports)
                                + ")");
            } else if (handlers.size() > 1) {
                fail(
                        subject,
                        "component exports multiple different handlers but it's expected to"
                                + " export only one");
            } else {
                findings.add(new Finding(subject, true, "exports " + handlers.get(0)));
            }
        } else if (trigger instanceof Trigger.RedisTrigger) {
            if (exports.contains(INBOUND_REDIS)) {
                findings.add(new Finding(subject, true, "exports " + INBOUND_REDIS));
            } else {
                fail(
                        subject,
                        "no exported instance named `"
                                + INBOUND_REDIS
                                + "` (world "
                                + component.guest().world()
                                + " exports: "
                                + String.join(", ", exports)
                                + ")");
            }
        }
    }

    private static boolean isHttpHandlerExport(String name) {
        return name.equals(INBOUND_HTTP)
                || name.startsWith("wasi:http/incoming-handler@0.2")
                || name.equals("wasi:http/handler@0.3.0-rc-2026-01-06");
    }

    private void fail(String subject, String message) {
        findings.add(new Finding(subject, false, message));
    }
}
