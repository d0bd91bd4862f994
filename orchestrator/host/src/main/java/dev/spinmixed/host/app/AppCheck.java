package dev.spinmixed.host.app;

import dev.spinmixed.host.manifest.ComponentConfig;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.manifest.ManifestLoader;
import dev.spinmixed.host.manifest.VariableResolver;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.runtime.HostFunctions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code check}: loads a manifest, resolves its variables, validates every component's core module
 * against its world and links every triggered component, reporting every problem (not just the
 * first) without serving anything.
 */
public final class AppCheck {

    private AppCheck() {}

    /**
     * @return true when the app has no problem
     */
    public static boolean run(
            Path manifestFile, AppLayout layout, LinkedRuntime.Settings settings, PrintWriter out) {
        List<String> problems = new ArrayList<>();
        Manifest manifest;
        VariableResolver variables;
        GuestModules guests;
        try {
            manifest = ManifestLoader.load(manifestFile);
            variables =
                    VariableResolver.create(
                            manifest,
                            System.getenv(),
                            SpinApp.variableOverrides(
                                    manifest,
                                    Optional.ofNullable(
                                            System.getenv("SPIN_VARIABLE_REDIS_ADDRESS"))));
            guests = new GuestModules(manifest, layout);
        } catch (RuntimeException e) {
            out.println("FAIL " + e.getMessage());
            out.flush();
            return false;
        }
        out.println(
                "manifest "
                        + manifest.file()
                        + ": app '"
                        + manifest.name()
                        + "' "
                        + manifest.version()
                        + ", "
                        + manifest.components().size()
                        + " components, "
                        + manifest.httpTriggers().size()
                        + " HTTP and "
                        + manifest.redisTriggers().size()
                        + " Redis triggers");
        manifest.warnings().forEach(w -> out.println("warning: " + w));
        attempt(
                out,
                problems,
                "allowed_outbound_hosts",
                () -> SpinApp.allowedOutboundHosts(manifest, variables).size() + " components");
        for (ComponentConfig c : manifest.components().values()) {
            attempt(
                    out,
                    problems,
                    "component " + c.id(),
                    () -> {
                        GuestModules.Guest g = guests.forComponent(c.id());
                        return "core module "
                                + g.name()
                                + ".wasm implements world "
                                + g.world()
                                + " ("
                                + g.language()
                                + ")";
                    });
        }
        HostFunctions host =
                new HostFunctions(
                        new OutboundRedis(false, id -> null, Set.of(), new EventSink()), variables);
        attempt(
                out,
                problems,
                "linking",
                () -> {
                    LinkedRuntime.create(manifest, guests, host, settings).close();
                    return LinkedRuntime.triggered(manifest).size()
                            + " triggered components link, every import served";
                });
        out.println(
                problems.isEmpty()
                        ? "check passed"
                        : "check failed: " + problems.size() + " problem(s)");
        out.flush();
        return problems.isEmpty();
    }

    private static void attempt(
            PrintWriter out, List<String> problems, String what, Supplier<String> step) {
        try {
            out.println("ok   " + what + ": " + step.get());
        } catch (RuntimeException e) {
            problems.add(what);
            out.println("FAIL " + what + ": " + e.getMessage());
        }
    }
}
