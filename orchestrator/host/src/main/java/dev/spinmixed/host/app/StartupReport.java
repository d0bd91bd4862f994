package dev.spinmixed.host.app;

import dev.spinmixed.host.manifest.ComponentConfig;
import dev.spinmixed.host.manifest.Dependency;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.redis.RedisUrl;
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
