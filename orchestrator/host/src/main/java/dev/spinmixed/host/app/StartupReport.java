package dev.spinmixed.host.app;

import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.spinapp.CheckedApp;
import dev.spinmixed.spinapp.LoadedGuest;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.io.PrintStream;

/**
 * What {@code up} prints once the app serves: components, dependency links, routes, channels, load
 * time.
 */
public final class StartupReport {

    private StartupReport() {}

    public static void print(
            PrintStream out, SpinApp app, CheckedApp checked, String mode, long loadMillis) {
        SpinManifest m = app.manifest();
        out.printf(
                "Loaded app '%s' %s from %s in %d ms (Chicory, %s)%n",
                m.application().name(), m.application().version(), m.file(), loadMillis, mode);
        out.println("Components:");
        for (ManifestComponent c : m.components().values()) {
            LoadedGuest g = checked.component(c.id());
            out.printf(
                    "  %-18s %s -> core module %s (%s, world %s)%n",
                    c.id(),
                    c.source(),
                    g.guest().wasmFile(),
                    g.guest().language(),
                    g.guest().world());
            for (CheckedApp.Link link : checked.links(c.id())) {
                out.printf(
                        "      imports %s from %s (%s, composed in-process)%n",
                        link.rule().importName(),
                        link.rule().dependency(),
                        link.provider().guest().language());
            }
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
