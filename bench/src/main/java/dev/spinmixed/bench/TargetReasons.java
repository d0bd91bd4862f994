package dev.spinmixed.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a target was missed, in the run's own figures: for each missed target of results.json, one
 * sentence that puts the measured ratio next to the figures it is made of and to what the CPU
 * profile says the order's time is spent on.
 */
final class TargetReasons {

    private TargetReasons() {}

    static Map<String, String> explain(Map<String, Object> r) {
        Map<String, Object> targets = map(r, "targets");
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, Object> profile = map(map(r, "cpu_profile"), "fused");
        double cpu = num(profile.get("cpu_us_per_order"));
        Map<String, Object> categories = map(profile, "categories");
        double guest = share(categories, "guest code") + share(categories, "guest allocator");
        double allocator = share(categories, "guest allocator");
        double glue = 1 - guest - share(categories, "other");
        double best =
                p50(
                        r,
                        "build_time_compiled".equals(r.get("best_chicory_mode"))
                                ? "orchestrated_build_time_compiled"
                                : "orchestrated_compiled");
        for (String key : targets.keySet()) {
            if (Boolean.TRUE.equals(map(targets, key).get("met"))) {
                continue;
            }
            String reason =
                    switch (key) {
                        case "chicory_over_jco_p50" ->
                                f(
                                        "Chicory's best mode answers in %.1f µs against jco's %.1f"
                                                + " µs; %.0f%% of Chicory's order is the guests'"
                                                + " own code and allocator running as JVM"
                                                + " bytecode.",
                                        best, p50(r, "jco"), guest * 100);
                        case "chicory_over_v8_per_call" -> {
                            double guestsOverV8 = guest * cpu / p50(r, "v8");
                            yield f(
                                    "V8 runs the same core modules in %.1f µs, Chicory in %.1f"
                                            + " µs. Of Chicory's %.1f µs of CPU per order"
                                            + " (profile), %.0f%% is the guests' code and"
                                            + " allocator (%.0f%% allocator alone) and %.0f%% host"
                                            + " glue: the guests alone run %.1fx V8's whole order,"
                                            + " %s.",
                                    p50(r, "v8"),
                                    best,
                                    cpu,
                                    guest * 100,
                                    allocator * 100,
                                    glue * 100,
                                    guestsOverV8,
                                    guestsOverV8 > 1.5
                                            ? "so no change to the host reaches 1.5"
                                            : "so the host's glue is what separates it from 1.5");
                        }
                        case "orchestrated_over_java_p50" ->
                                f(
                                        "Plain Java takes %.1f µs; the guests' code and allocator"
                                                + " alone take %.0f%% of the orchestrated order's"
                                                + " %.1f µs of CPU, i.e. %.0fx the Java pipeline.",
                                        p50(r, "java"),
                                        guest * 100,
                                        cpu,
                                        guest * cpu / p50(r, "java"));
                        case "orchestrated_e2e_over_floor_p50" ->
                                f(
                                        "The floor (HTTP, the ingress, one publish with its"
                                            + " connection) is %.1f µs; POST /orders is %.1f µs,"
                                            + " %.1f µs more, against %.1f µs for the in-process"
                                            + " pipeline alone (compiled, JMH).",
                                        p50(r, "e2e_floor"),
                                        p50(r, "e2e_orchestrated"),
                                        p50(r, "e2e_orchestrated") - p50(r, "e2e_floor"),
                                        p50(r, "orchestrated_compiled"));
                        case "hops_over_orchestrated_spin_p50" -> {
                            double hops = p50(r, "hops");
                            double orchestrated = p50(r, "orchestrated_with_redis_event");
                            yield f(
                                    "Hops take %.1f µs and the orchestrated order %.1f µs to the"
                                            + " event: each of the 3 extra hops costs %.1f µs"
                                            + " (a delivery to a relay, its call, a publish with"
                                            + " a new connection), against %.1f µs for the whole"
                                            + " orchestrated order with its one publish; 4x would"
                                            + " need a hop to cost %.1f µs.",
                                    hops,
                                    orchestrated,
                                    (hops - orchestrated) / 3,
                                    orchestrated,
                                    orchestrated);
                        }
                        case "http_orders_per_s" ->
                                f(
                                        "wrk with %d connections reaches %.0f orders/s on the %d"
                                                + " CPUs that also run wrk, redis-server and"
                                                + " the host; one order is %.1f µs of pipeline"
                                                + " CPU (profile) plus HTTP and a new Redis"
                                                + " connection per publish; pooled connections"
                                                + " reach %.0f/s.",
                                        (int) num(map(r, "http").get("connections")),
                                        num(r.get("http_orders_per_s")),
                                        (int) num(map(r, "machine").get("cpus")),
                                        cpu,
                                        num(r.get("http_pooled_orders_per_s")));
                        case "cold_start_best_ms" -> coldStart(r);
                        default -> "no explanation for " + key;
                    };
            reasons.put(key, reason);
        }
        return reasons;
    }

    private static String coldStart(Map<String, Object> r) {
        String way = (String) r.get("cold_start_best_way");
        Map<String, Object> best = map(map(r, "cold_start_ms"), way);
        Map<String, Object> phasesMs = map(best, "phases_ms");
        StringBuilder phases = new StringBuilder();
        String largest = null;
        for (Map.Entry<String, Object> phase : phasesMs.entrySet()) {
            phases.append(phases.length() == 0 ? "" : ", ")
                    .append(f("%s %.0f", phase.getKey(), num(phase.getValue())));
            if (largest == null || num(phase.getValue()) > num(phasesMs.get(largest))) {
                largest = phase.getKey();
            }
        }
        return f(
                "The best way through the host (%s) answers %.0f ms after the process starts: %s"
                        + " (ms). The largest phase is %s%s.",
                way,
                num(best.get("from_process_start_ms")),
                phases,
                largest,
                PHASES.getOrDefault(largest, ""));
    }

    /** What a cold-start phase holds, for the reason that names it. */
    private static final Map<String, String> PHASES =
            Map.of(
                    "contract_check",
                    " (reading the WIT, parsing and validating every core module with Chicory,"
                            + " checking each component and link)",
                    "jvm_until_main",
                    " (the JVM's own start, before any of the host's code)",
                    "first_call",
                    " (the first order, through code the JVM has not compiled yet)");

    private static double share(Map<String, Object> categories, String name) {
        Object c = categories.get(name);
        return c == null ? 0 : num(map(categories, name).get("share"));
    }

    private static double p50(Map<String, Object> r, String way) {
        return num(map(map(r, "latency"), way).get("p50_us"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
