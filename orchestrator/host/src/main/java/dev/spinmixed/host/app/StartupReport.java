package dev.spinmixed.host.app;

import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.redis.RedisUrl;
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
                .forEach(r -> out.printf("  %s: %s%s%n", r.component(), base, r.route()));
        if (!app.subscriptions().isEmpty()) {
            out.println(
                    app.redisTrigger().isPresent()
                            ? "Redis channels:"
                            : "Redis channels (not subscribed: --no-redis):");
            for (RedisTriggerRunner.Subscription s : app.subscriptions()) {
                String server =
                        RedisUrl.parse(s.address()).map(RedisUrl::hostAndPort).orElse(s.address());
                out.printf("  %s/%s -> %s%n", server, s.channel(), s.component());
            }
        }
        out.println(
                switch (app.outboundRedis()) {
                    case IN_MEMORY ->
                            "Outbound Redis: none (--no-redis); publishes to channels no trigger"
                                    + " consumes go to an in-memory sink";
                    case CONNECTION_PER_CALL ->
                            "Outbound Redis: a new connection per call, as in Spin (--redis-pool"
                                    + " pools them)";
                    case POOLED -> "Outbound Redis: pooled connections (--redis-pool)";
                });
        out.flush();
    }
}
