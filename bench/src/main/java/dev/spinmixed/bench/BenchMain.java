package dev.spinmixed.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spinmixed.bench.java.OrderPipeline;
import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.tests.support.RedisServer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./run bench [--quick] [--out DIR] [--repo DIR]}: every measurement of issue 6 in one run,
 * side by side, then a table on stdout, {@code results.json}, {@code results.md} (the table for the
 * README) and {@code latency.svg} in the output directory (default docs/bench). {@code --quick}
 * shortens every phase (a smoke run, not figures to quote).
 */
public final class BenchMain {

    /** Where to run and where to write. */
    public record Options(Path repo, Path out, boolean quick) {}

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        Path out = null;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(requireValue(args, ++i, "--out"));
                case "--repo" -> repo = Path.of(requireValue(args, ++i, "--repo"));
                default -> {
                    System.err.println(
                            "usage: bench [--quick] [--out DIR] [--repo DIR]; unknown argument: "
                                    + args[i]);
                    System.exit(2);
                }
            }
        }
        run(new Options(repo, out != null ? out : repo.resolve("docs/bench"), quick));
        System.exit(0);
    }

    private static String requireValue(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** Runs everything and writes the results; returns what results.json holds. */
    public static Map<String, Object> run(Options options) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path repo = options.repo().toAbsolutePath().normalize();
        Path manifest = repo.resolve("apps/spin.toml");
        Path work = Files.createTempDirectory("bench");
        Files.createDirectories(options.out());
        boolean quick = options.quick();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put(
                "date",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("quick", quick);
        results.put("machine", Machine.describe());
        results.put("jvm_flags", List.of(jvmFlags()));
        results.put("launcher_jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());

        phase("checking the plain Java pipeline against the wasm components");
        byte[] chicoryAnswer;
        try (WasmApp app = WasmApp.start(manifest, ExecutionMode.COMPILED, Optional.empty())) {
            results.put(
                    "equivalence_orders_checked", EquivalenceCheck.run(app, new OrderPipeline()));
            chicoryAnswer = app.order(SampleOrders.typical()).body().orElseThrow();
        }

        phase(
                "JMH: orchestrated on Chicory (runtime compiled, interpreted, build-time compiled)"
                        + " and plain Java, in-process");
        Map<String, Latency> jmh = JmhRun.run(manifest, quick);
        Latency java = jmh.get("java");
        Latency compiled = jmh.get("compiled");
        Latency interpreted = jmh.get("interpreted");
        Latency buildTimeCompiled = jmh.get("build-time-compiled");
        Latency bestChicory =
                buildTimeCompiled.p50Us() < compiled.p50Us() ? buildTimeCompiled : compiled;

        phase("V8: the same core modules on Node, linked by hand");
        Latency v8 = V8Run.run(repo, chicoryAnswer, quick, work);

        phase("jco: the app's components transpiled by jco on Node, linked as jco links them");
        Latency jco = JcoRun.run(repo, chicoryAnswer, quick, work);

        phase("adapters: fused against lifting and lowering, interleaved, build-time compiled");
        AdapterComparison.Figures adapters = AdapterComparison.run(repo.resolve("apps"), quick);
        phase("CPU of one order (JFR), through Java values and then through fused adapters");
        Map<String, Object> profiles = new LinkedHashMap<>();
        CpuProfile.Figures profileBefore =
                CpuProfile.run(repo.resolve("apps"), AdapterMode.LIFT_LOWER, quick, work);
        CpuProfile.Figures profileAfter =
                CpuProfile.run(repo.resolve("apps"), AdapterMode.FUSED, quick, work);
        profiles.put("lift_lower", profileBefore.toMap(adapters.liftLowerCpuUs()));
        profiles.put("fused", profileAfter.toMap(adapters.fusedCpuUs()));

        HopsRun.Figures hops;
        HopsRun.Figures hopsPooled;
        HttpLoad.Figures http;
        HttpLoad.Figures httpPooled;
        EndToEnd.Figures endToEnd;
        try (RedisServer redis = RedisServer.start()) {
            phase(
                    "Redis: hops wiring vs orchestrated, to the final event, a connection per call"
                            + " as in Spin (redis-server on port "
                            + redis.port()
                            + ")");
            hops = HopsRun.run(manifest, redis, quick, false);
            phase("Redis: the same with pooled outbound connections (--redis-pool)");
            hopsPooled = HopsRun.run(manifest, redis, quick, true);
            phase("HTTP: wrk on POST /orders of spin-host up (compiled), a connection per publish");
            http = HttpLoad.run(manifest, redis, quick, false, work);
            phase("HTTP: the same with --redis-pool");
            httpPooled = HttpLoad.run(manifest, redis, quick, true, work);
            phase(
                    "HTTP end to end: POST /orders against its floor, the hops ingress's one"
                            + " publish");
            endToEnd = EndToEnd.run(repo, redis, quick, work);
        }

        phase("cold start per way of starting");
        int runs = quick ? 1 : 5;
        Map<String, Object> coldStart = new LinkedHashMap<>();
        String bestWay = null;
        ColdStart.Figures best = null;
        for (ColdStart.Way way : ColdStart.WAYS) {
            ColdStart.Figures f = ColdStart.measure(repo, manifest, way, runs, work);
            coldStart.put(way.name(), f.toMap());
            if (f.throughHost()
                    && (best == null || f.fromProcessStartMs() < best.fromProcessStartMs())) {
                best = f;
                bestWay = way.name();
            }
        }

        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("java", java.toMap());
        latency.put("orchestrated_compiled", compiled.toMap());
        latency.put("orchestrated_interpreted", interpreted.toMap());
        latency.put("orchestrated_build_time_compiled", buildTimeCompiled.toMap());
        latency.put("v8", v8.toMap());
        latency.put("jco", jco.toMap());
        latency.put("orchestrated_with_redis_event", hops.orchestratedWithEvent().toMap());
        latency.put("hops", hops.hops().toMap());
        latency.put(
                "orchestrated_with_redis_event_pooled", hopsPooled.orchestratedWithEvent().toMap());
        latency.put("hops_pooled", hopsPooled.hops().toMap());
        latency.put("e2e_orchestrated", endToEnd.orchestrated().toMap());
        latency.put("e2e_floor", endToEnd.floor().toMap());
        results.put("latency", latency);
        results.put("hops_burst_orders_per_s", hops.hopsBurstOrdersPerSecond());
        results.put("hops_pooled_burst_orders_per_s", hopsPooled.hopsBurstOrdersPerSecond());
        results.put("hops_burst_size", hops.burst());

        double chicoryOverJco = bestChicory.p50Us() / jco.p50Us();
        double chicoryOverV8 = bestChicory.p50Us() / v8.p50Us();
        double orchestratedOverJava = compiled.p50Us() / java.p50Us();
        double e2eOverFloor = endToEnd.orchestrated().p50Us() / endToEnd.floor().p50Us();
        double hopsOverOrchestrated = hops.hops().p50Us() / hops.orchestratedWithEvent().p50Us();
        double httpOrdersPerSecond = http.requestsPerSecond();
        double coldStartBest = best.fromProcessStartMs();
        results.put("chicory_over_jco_p50", chicoryOverJco);
        results.put("chicory_over_v8_per_call", chicoryOverV8);
        results.put("orchestrated_over_java_p50", orchestratedOverJava);
        results.put("orchestrated_e2e_over_floor_p50", e2eOverFloor);
        results.put("hops_over_orchestrated_spin_p50", hopsOverOrchestrated);
        results.put("http_orders_per_s", httpOrdersPerSecond);
        results.put("cold_start_best_ms", coldStartBest);
        results.put("cold_start_best_way", bestWay);
        results.put(
                "hops_over_orchestrated_pooled_p50",
                hopsPooled.hops().p50Us() / hopsPooled.orchestratedWithEvent().p50Us());
        results.put("hops_over_orchestrated_in_memory_p50", hops.hops().p50Us() / compiled.p50Us());
        results.put("interpreted_over_compiled", interpreted.p50Us() / compiled.p50Us());
        results.put(
                "best_chicory_mode", bestChicory == compiled ? "compiled" : "build_time_compiled");
        results.put("adapters", adapters.toMap());
        results.put("cpu_profile", profiles);
        results.put("cold_start_ms", coldStart);
        results.put("http", http.toMap());
        results.put("http_pooled_orders_per_s", httpPooled.requestsPerSecond());
        results.put("http_pooled", httpPooled.toMap());
        results.put("sizes", Sizes.measure(repo.resolve("apps")));

        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put(
                "chicory_over_jco_p50", target("<= 1.0", chicoryOverJco, chicoryOverJco <= 1.0));
        targets.put(
                "chicory_over_v8_per_call", target("<= 1.5", chicoryOverV8, chicoryOverV8 <= 1.5));
        targets.put(
                "orchestrated_over_java_p50",
                target("<= 6", orchestratedOverJava, orchestratedOverJava <= 6));
        targets.put(
                "orchestrated_e2e_over_floor_p50",
                target("<= 1.3", e2eOverFloor, e2eOverFloor <= 1.3));
        targets.put(
                "hops_over_orchestrated_spin_p50",
                target(">= 4", hopsOverOrchestrated, hopsOverOrchestrated >= 4));
        targets.put(
                "http_orders_per_s",
                target(">= 10000", httpOrdersPerSecond, httpOrdersPerSecond >= 10_000));
        targets.put("cold_start_best_ms", target("<= 150", coldStartBest, coldStartBest <= 150));
        results.put("targets", targets);
        results.put("missed_targets", TargetReasons.explain(results));
        results.put("notes", notes());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(
                options.out().resolve("results.json"),
                json.writeValueAsString(results) + "\n",
                StandardCharsets.UTF_8);
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("plain Java (direct calls)", java.p50Us());
        bars.put("V8 (Node, same core modules, hand-linked)", v8.p50Us());
        bars.put("jco (Node, transpiled components)", jco.p50Us());
        bars.put("orchestrated, Chicory compiled", compiled.p50Us());
        bars.put("orchestrated, build-time compiled", buildTimeCompiled.p50Us());
        bars.put("orchestrated, Chicory interpreted", interpreted.p50Us());
        bars.put("orchestrated + event via Redis, as Spin", hops.orchestratedWithEvent().p50Us());
        bars.put("hops via Redis (3 hops + event), as Spin", hops.hops().p50Us());
        bars.put(
                "orchestrated + event via Redis, pooled",
                hopsPooled.orchestratedWithEvent().p50Us());
        bars.put("hops via Redis (3 hops + event), pooled", hopsPooled.hops().p50Us());
        bars.put("HTTP POST /orders, end to end", endToEnd.orchestrated().p50Us());
        bars.put("HTTP floor: hops ingress, one publish", endToEnd.floor().p50Us());
        Files.writeString(
                options.out().resolve("latency.svg"),
                Chart.svg("validate → price → reserve, one order", bars),
                StandardCharsets.UTF_8);
        Files.writeString(
                options.out().resolve("results.md"),
                Report.markdown(results),
                StandardCharsets.UTF_8);
        System.out.println(Report.table(results));
        System.out.println("wrote results.json, results.md and latency.svg to " + options.out());
        return results;
    }

    /**
     * JVM flags of every JVM the benchmark starts (JMH forks, cold-start probes, the host): HotSpot
     * by default never JIT-compiles a method over 8000 bytes of bytecode, and Chicory's compiler
     * turns large wasm functions into such methods; without the flag they stay in HotSpot's
     * bytecode interpreter (measured: about 1.5x slower per order).
     */
    static String[] jvmFlags(String... more) {
        List<String> flags =
                new ArrayList<>(
                        List.of(
                                "-XX:-DontCompileHugeMethods",
                                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        flags.addAll(List.of(more));
        return flags.toArray(String[]::new);
    }

    private static Map<String, Object> target(String goal, Double value, boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("goal", goal);
        t.put("value", value);
        t.put("met", met);
        return t;
    }

    private static List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(
                "hops_over_orchestrated_spin_p50 compares both wirings end to end against the same"
                    + " redis-server, both paying Spin's connection per outbound call: from the"
                    + " start of the order to its final event seen by a subscriber of the events"
                    + " channel (orchestrated: handle-request in-process, whose only publish is the"
                    + " event; hops: publish to the validate channel, three Redis-triggered relays"
                    + " each publishing once, the event). hops_over_orchestrated_in_memory_p50"
                    + " divides by the in-process pipeline alone (event to the in-memory sink).");
        notes.add(
                "Redis figures come in pairs from one run: without a suffix, outbound Redis opens a"
                    + " new connection (with AUTH when the URL has a password) for every call, as"
                    + " Spin 3.6.3's fermyon:spin/redis v1 interface does"
                    + " (crates/factor-outbound-redis/src/host.rs, delegate!): what Spin pays;"
                    + " _pooled reuses pooled connections (spin-host up --redis-pool), which Spin"
                    + " does not. Targets and ratios use Spin's figures.");
        notes.add(
                "orchestrated and interpreted latencies are JMH SampleTime of"
                    + " LinkedRuntime.handleRequest on the orchestrator (no HTTP server), single"
                    + " caller; orders_per_s there is one caller's 1/mean. Calls between the"
                    + " components cross through fused adapters (the linker's default).");
        notes.add(
                "chicory_over_v8_per_call and chicory_over_jco_p50: p50 of one handle-request call"
                    + " (the whole pipeline, three cross-component calls) on Chicory's best mode"
                    + " (best_chicory_mode: runtime or build-time compiled) vs on Node"
                    + " (machine.node): v8 is bench/v8/pipeline.mjs linking the same core modules"
                    + " by hand; jco is the components of the OCI context transpiled by"
                    + " @bytecodealliance/jco-transpile (package.json) and linked through their"
                    + " generated interfaces (bench/jco/pipeline.mjs), the standard JavaScript"
                    + " component host. Both answer the timed order as Chicory does.");
        notes.add(
                "orchestrated_e2e_over_floor_p50: one client, one keep-alive connection per route,"
                    + " the routes alternating, against one spin-host up (compiled, Spin's"
                    + " connection per publish): POST /orders (the pipeline and its one publish)"
                    + " over POST /hops/orders, the hops ingress, which publishes the order once"
                    + " and answers 202: the same trigger, lowering, lifting and publish without"
                    + " the pipeline. The host serves the manifest without its Redis triggers, so"
                    + " that no relay runs meanwhile.");
        notes.add(
                "adapters: the build-time compiled pipeline linked twice in one JVM, fused adapters"
                        + " and lifting into Java values then lowering (the reference), timed in"
                        + " alternating blocks on this thread's CPU time, so load on the machine"
                        + " slows both alike; fused_over_lift_lower is the median of the blocks'"
                        + " ratios. cpu_profile: JFR execution samples (1 ms) of the same pipeline,"
                        + " each put under guest code, the guest's allocator (what its cabi_realloc"
                        + " reaches, incl. its malloc, free and memcpy) or the host glue; each"
                        + " share's microseconds are that share of the same side's CPU per order in"
                        + " adapters, measured without the sampling.");
        notes.add(
                "cold_start_ms: a fresh JVM per run, from process start to the first answered"
                    + " order, the median of the runs, with phases_ms (the JVM until main, then the"
                    + " probe's steps). Host ways go through the manifest, the contract check, the"
                    + " links and the server as spin-host up does (no Redis); build_time_compiled"
                    + " links the four modules of the orchestrated route on machines compiled at"
                    + " build time (chicory-compiler-maven-plugin, bench/pom.xml) without the host"
                    + " or the contract check. _cds ways use a dynamic class-data sharing archive"
                    + " and cached_machines the runtime compiler's machines kept by module digest,"
                    + " both made by a first run that is not timed, as ./run up makes them."
                    + " cold_start_best_ms is the fastest way through the host.");
        notes.add(
                "sizes.redis_image_compressed_bytes is null: the image cannot be pulled here and no"
                    + " published compressed size of this exact tag was found;"
                    + " sizes.redis_image_size_reference is the nearest published figure (a"
                    + " third-party Redis 7 Alpine image), a reference only. Check the tag's size"
                    + " on Docker Hub when online.");
        return notes;
    }

    private static void phase(String what) {
        System.out.println(String.format(Locale.ROOT, "bench: %s", what));
    }
}
