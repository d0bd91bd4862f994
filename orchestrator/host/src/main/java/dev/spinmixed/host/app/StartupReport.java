package dev.spinmixed.host.app;

import dev.spinmixed.host.manifest.ComponentConfig;
import dev.spinmixed.host.manifest.Dependency;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import java.io.PrintStream;

/**
 * What {@code up} prints once the app serves: components, dependency links, routes, channels, load
 * time.
 */
public final class StartupReport {

    private StartupReport() {}

    public static void print(
            PrintStream out, SpinApp app, GuestModules guests, String mode, long loadMillis) {
        Manifest m = app.manifest();
        out.printf(
                "Loaded app '%s' %s from %s in %d ms (Chicory, %s)%n",
                m.name(), m.version(), m.file(), loadMillis, mode);
        out.println("Components:");
        for (ComponentConfig c : m.components().values()) {
            GuestModules.Guest g = guests.forComponent(c.id());
            out.printf(
                    "  %-18s %s -> core module %s.wasm (%s, world %s)%n",
                    c.id(), c.source(), g.name(), g.language(), g.world());
            c.dependencies()
                    .forEach(
                            (name, d) -> {
                                GuestModules.Guest dep = guests.forDependency(c.id(), name, d);
                                String target =
                                        d instanceof Dependency.AppComponent ac
                                                ? "component " + ac.component()
                                                : "path " + ((Dependency.LocalPath) d).path();
                                out.printf(
                                        "      imports %s from %s (%s, linked in-process)%n",
                                        name, target, dep.language());
                            });
        }
        String base = "http://" + app.address().getHostString() + ":" + app.address().getPort();
        out.println("Serving " + base);
        out.println("Available Routes:");
        app.router()
                .describe()
                .forEach(
                        r -> {
                            String route = r.substring(0, r.indexOf(" -> "));
                            String component = r.substring(r.indexOf(" -> ") + 4);
                            out.printf(
                                    "  %s: %s%s%n",
                                    component,
                                    base,
                                    route.endsWith("/...")
                                            ? route.substring(0, route.length() - 4) + " (wildcard)"
                                            : route);
                        });
        if (!app.subscriptions().isEmpty()) {
            out.println(
                    app.redisTrigger().isPresent()
                            ? "Redis channels:"
                            : "Redis channels (not subscribed: no --redis given):");
            for (RedisTriggerRunner.Subscription s : app.subscriptions()) {
                out.printf("  %s/%s -> %s%n", s.address(), s.channel(), s.component());
            }
        }
        out.println(
                app.redisTrigger().isPresent()
                        ? "Outbound Redis: real (publishes leave the process)"
                        : "Outbound Redis: none; publishes to channels no trigger consumes go to an"
                                + " in-memory sink (use --redis URL for a real Redis)");
        out.flush();
    }
}
