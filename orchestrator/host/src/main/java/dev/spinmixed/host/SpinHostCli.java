package dev.spinmixed.host;

import dev.spinmixed.host.app.AppCheck;
import dev.spinmixed.host.app.HostSupport;
import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.app.LocalHost;
import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.app.StartupReport;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.redis.LocalRedisServer;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.MachineCache;
import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spin-host up | check}: runs a Spin app's wasm on the JVM with Spin's semantics. */
@Command(
        name = "spin-host",
        mixinStandardHelpOptions = true,
        version = "spin-host 0.1.0",
        description =
                "Runs a Spin app (spin.toml v2) on the JVM: the app's core modules on Chicory, with"
                        + " Spin's HTTP and Redis triggers.",
        subcommands = {
            SpinHostCli.Up.class,
            SpinHostCli.Check.class,
            CommandLine.HelpCommand.class
        })
public final class SpinHostCli {

    static final String DEFAULT_MANIFEST = "apps/target/oci/spin.toml";

    public static void main(String[] args) {
        // Undertow and XNIO log through jboss-logging; send that to SLF4J like the rest of the
        // host.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors from loading or running the app printed as one clear line. */
    public static CommandLine commandLine() {
        return new CommandLine(new SpinHostCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(
                        (e, cl, parsed) -> {
                            cl.getErr().println("error: " + e.getMessage());
                            return 1;
                        });
    }

    /** interpreted | compiled, as spelled on the command line. */
    enum Mode {
        INTERPRETED(ExecutionMode.INTERPRETER),
        COMPILED(ExecutionMode.COMPILED);

        final ExecutionMode linker;

        Mode(ExecutionMode linker) {
            this.linker = linker;
        }
    }

    /** Options shared by up and check. */
    static final class AppOptions {
        @Option(
                names = "--from",
                paramLabel = "MANIFEST",
                defaultValue = DEFAULT_MANIFEST,
                description = "The spin.toml to run (default: ${DEFAULT-VALUE}, the built app).")
        Path manifest;

        @Option(
                names = "--app-dir",
                paramLabel = "DIR",
                description =
                        "The app directory holding wit/, build/guests.tsv and target/core/"
                                + " (default: found above the manifest).")
        Path appDir;

        @Option(
                names = "--mode",
                defaultValue = "compiled",
                paramLabel = "interpreted|compiled",
                description =
                        "Chicory's interpreter, or its compiler to JVM bytecode (slower start,"
                                + " faster calls). Default: ${DEFAULT-VALUE}.")
        Mode mode;

        @Option(
                names = "--max-instances",
                defaultValue = "8",
                description =
                        "Pooled instances per component, i.e. concurrent calls (default:"
                                + " ${DEFAULT-VALUE}).")
        int maxInstances;

        Optional<AppLayout> givenLayout() {
            return Optional.ofNullable(appDir).map(AppLayout::of);
        }

        AppLayout layout() {
            return givenLayout().orElseGet(() -> AppLayout.around(manifest));
        }

        LinkedRuntime.Settings settings() {
            return new LinkedRuntime.Settings(mode.linker, maxInstances);
        }
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description =
                    "Serves the app: HTTP routes, and Redis channels. Without --redis or"
                            + " --no-redis, a private redis-server is started for the app and"
                            + " stopped on exit.")
    static final class Up implements Callable<Integer> {

        @CommandLine.Mixin AppOptions app;

        @Option(
                names = "--listen",
                paramLabel = "ADDR",
                description =
                        "Address to listen on (default: $SPIN_HTTP_LISTEN_ADDR, else"
                                + " 127.0.0.1:3000).")
        String listen;

        @CommandLine.ArgGroup(exclusive = true)
        RedisChoice redisChoice = new RedisChoice();

        /** Which Redis: a given one, none, or (neither option) a private redis-server. */
        static final class RedisChoice {
            @Option(
                    names = "--redis",
                    paramLabel = "URL",
                    description =
                            "Use this Redis (e.g. redis://127.0.0.1:6379; default:"
                                + " $SPIN_VARIABLE_REDIS_ADDRESS, else a private redis-server on a"
                                + " free loopback port, without persistence, stopped on exit):"
                                + " overrides the variable redis_address and the Redis trigger"
                                + " address.")
            String redis;

            @Option(
                    names = "--no-redis",
                    description =
                            "No Redis at all (not Spin's behaviour): events of routes that"
                                    + " publish to no trigger go to an in-memory sink, routes that"
                                    + " hop through Redis answer 503.")
            boolean none;
        }

        @Option(
                names = "--redis-reconnect",
                description =
                        "When the Redis trigger loses its connection, retry every second (messages"
                            + " published meanwhile are lost). Default, as in Spin: the app ends"
                            + " with exit status 1.")
        boolean redisReconnect;

        @Option(
                names = "--redis-pool",
                description =
                        "Outbound Redis reuses pooled connections. Default, as in Spin: a new"
                                + " connection (with AUTH) per call.")
        boolean redisPool;

        @Option(
                names = "--max-body",
                defaultValue = "1048576",
                paramLabel = "BYTES",
                description =
                        "Largest request body (default: ${DEFAULT-VALUE}); larger gets 413 (Spin"
                                + " has no limit).")
        long maxBody;

        @Option(
                names = "--deadline",
                defaultValue = "PT30S",
                paramLabel = "DURATION",
                description =
                        "Deadline of one HTTP request (reading it and the guest call) and of one"
                                + " Redis message, as ISO-8601 (default: ${DEFAULT-VALUE}); a guest"
                                + " over it is interrupted and the request gets 500 (Spin has no"
                                + " deadline).")
        Duration deadline;

        @Option(
                names = "--max-memory",
                defaultValue = "134217728",
                paramLabel = "BYTES",
                description =
                        "Largest linear memory of each guest instance (default: ${DEFAULT-VALUE},"
                                + " 128 MiB); memory.grow beyond it fails.")
        long maxMemory;

        @Option(
                names = "--component-deadline",
                paramLabel = "COMPONENT=DURATION",
                description =
                        "A deadline for one component's requests, replacing --deadline for it"
                                + " (repeatable), e.g. orchestrator=PT5S.")
        Map<String, Duration> componentDeadlines = new LinkedHashMap<>();

        @Option(
                names = "--component-max-memory",
                paramLabel = "COMPONENT=BYTES",
                description =
                        "A memory cap for the instances of one component's composition, replacing"
                                + " --max-memory for it (repeatable).")
        Map<String, Long> componentMaxMemory = new LinkedHashMap<>();

        @Option(
                names = "--machine-cache",
                paramLabel = "DIR",
                description =
                        "Where the compiled machines (--mode compiled) are kept between starts, one"
                            + " per module digest, so that a start loads them instead of compiling"
                            + " again (default: spin-mixed-workloads/machines in the user's cache"
                            + " directory, $XDG_CACHE_HOME or ~/.cache). The machines run as host"
                            + " code: give a directory only this user can write.")
        Path machineCache;

        @Option(names = "--no-machine-cache", description = "Compile every module at every start.")
        boolean noMachineCache;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            SpinManifest manifest = ManifestReader.read(app.manifest);
            manifest.warnings().forEach(w -> System.err.println("warning: " + w));
            HostSupport.ignored(manifest).forEach(w -> System.err.println("warning: " + w));
            String address =
                    Optional.ofNullable(listen)
                            .or(() -> Optional.ofNullable(System.getenv("SPIN_HTTP_LISTEN_ADDR")))
                            .orElse("127.0.0.1:3000");
            InetSocketAddress listenAddress = parseListen(address);
            GuestLimits limits =
                    new GuestLimits(deadline, maxMemory, componentDeadlines, componentMaxMemory);
            requireKnownComponents(manifest, limits);
            LinkedRuntime.Settings settings =
                    new LinkedRuntime.Settings(app.mode.linker, app.maxInstances, limits);
            if (!noMachineCache && app.mode == Mode.COMPILED) {
                Path dir =
                        Optional.ofNullable(machineCache).orElseGet(SpinHostCli::userMachineCache);
                settings = MachineCache.at(dir).map(settings::withMachineCache).orElse(settings);
            }
            PrintWriter out = spec.commandLine().getOut();
            // Registered before anything is started, so Ctrl-C at any point stops what was.
            AtomicReference<SpinApp> running = new AtomicReference<>();
            AtomicReference<LocalRedisServer> privateRedis = new AtomicReference<>();
            Thread hook = new Thread(() -> stop(running, privateRedis), "spin-host-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LocalHost started;
            try {
                privateRedis(manifest, out).ifPresent(privateRedis::set);
                Optional<String> redis =
                        Optional.ofNullable(privateRedis.get())
                                .map(LocalRedisServer::url)
                                .or(() -> Optional.ofNullable(redisChoice.redis))
                                .or(
                                        () ->
                                                redisChoice.none
                                                        ? Optional.empty()
                                                        : Optional.ofNullable(
                                                                System.getenv(
                                                                        "SPIN_VARIABLE_REDIS_ADDRESS")));
                started =
                        LocalHost.start(
                                manifest,
                                app.layout(),
                                settings,
                                new SpinApp.Options(
                                        listenAddress,
                                        redis,
                                        new HttpTriggerServer.Limits(
                                                maxBody,
                                                deadline,
                                                app.maxInstances * 2,
                                                componentDeadlines),
                                        System.getenv(),
                                        new SpinApp.RedisOptions(redisReconnect, redisPool)));
                running.set(started.spinApp());
            } catch (Exception e) {
                stop(running, privateRedis);
                removeHook(hook);
                throw e;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            StartupReport.print(
                    System.out,
                    started.spinApp(),
                    started.app(),
                    app.mode.name().toLowerCase(Locale.ROOT),
                    millis);
            try {
                started.spinApp().ended().join();
                return 0;
            } catch (CompletionException e) {
                stop(running, privateRedis);
                removeHook(hook);
                spec.commandLine()
                        .getErr()
                        .println(
                                "error: "
                                        + e.getCause().getMessage()
                                        + "; the app ends, as Spin's does under"
                                        + " containerd-shim-spin (the pod restarts); start with"
                                        + " --redis-reconnect to retry instead");
                return 1;
            }
        }

        /**
         * A private redis-server when the app uses Redis and no Redis (nor --no-redis) was given.
         */
        private Optional<LocalRedisServer> privateRedis(SpinManifest manifest, PrintWriter out)
                throws Exception {
            if (redisChoice.redis != null
                    || redisChoice.none
                    || System.getenv("SPIN_VARIABLE_REDIS_ADDRESS") != null
                    || !usesRedis(manifest)) {
                return Optional.empty();
            }
            LocalRedisServer server = LocalRedisServer.start();
            out.println(
                    "Redis: a private redis-server at "
                            + server.url()
                            + " (no persistence; stopped on exit; --redis URL uses another,"
                            + " --no-redis none)");
            out.flush();
            return Optional.of(server);
        }

        /** Stops the app, then its private redis-server; each once, whoever calls first. */
        private static void stop(
                AtomicReference<SpinApp> app, AtomicReference<LocalRedisServer> privateRedis) {
            Optional.ofNullable(app.getAndSet(null)).ifPresent(SpinApp::close);
            Optional.ofNullable(privateRedis.getAndSet(null))
                    .ifPresent(
                            r -> {
                                try {
                                    r.close();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
        }

        private static void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook has run or will find everything stopped
            }
        }
    }

    /** Whether the app has Redis triggers or a component that may reach a Redis host. */
    static boolean usesRedis(SpinManifest manifest) {
        return !manifest.redisTriggers().isEmpty()
                || manifest.components().values().stream()
                        .flatMap(c -> c.allowedOutboundHosts().stream())
                        .anyMatch(h -> h.startsWith("redis") || h.startsWith("*://"));
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Validates a manifest and its core modules against their worlds, links every"
                            + " triggered component, and prints a report.")
    static final class Check implements Callable<Integer> {

        @CommandLine.Mixin AppOptions app;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return AppCheck.run(
                            app.manifest,
                            app.givenLayout(),
                            app.settings(),
                            spec.commandLine().getOut())
                    ? 0
                    : 1;
        }
    }

    /**
     * A limit for a component the manifest does not trigger would silently do nothing: refuse it.
     */
    static void requireKnownComponents(SpinManifest manifest, GuestLimits limits) {
        Set<String> triggered = new java.util.LinkedHashSet<>(manifest.triggeredComponents());
        Set<String> named = new TreeSet<>(limits.deadlines().keySet());
        named.addAll(limits.maxMemoryBytes().keySet());
        named.removeAll(triggered);
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(
                    "--component-deadline / --component-max-memory name "
                            + named
                            + ", but the triggered components of "
                            + manifest.file()
                            + " are "
                            + triggered);
        }
    }

    /**
     * The machine cache's default: the user's own cache directory, not the app's, because the
     * cached machines are loaded as JVM code and an app must not bring its own.
     */
    static Path userMachineCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root =
                xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("spin-mixed-workloads").resolve("machines");
    }

    static InetSocketAddress parseListen(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen " + address + ": expected HOST:PORT");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--listen " + address + ": " + e.getMessage(), e);
        }
    }
}
