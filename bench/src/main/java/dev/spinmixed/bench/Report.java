package dev.spinmixed.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The human-readable summary of results.json: latency per way, the targets with the reason of each
 * miss, the adapters and where one order's CPU goes, cold start with its phases, HTTP, sizes.
 */
public final class Report {

    private static final String[][] WAYS = {
        {"java", "(c) plain Java, direct calls"},
        {"orchestrated_compiled", "(a) orchestrated, Chicory compiled"},
        {"orchestrated_build_time_compiled", "(e) orchestrated, build-time compiled"},
        {"orchestrated_interpreted", "(e) orchestrated, Chicory interpreted"},
        {"v8", "(d) same core modules on V8, hand-linked"},
        {"jco", "(f) components transpiled by jco, on Node"},
        {"orchestrated_with_redis_event", "(a) orchestrated + event via Redis, as Spin"},
        {"hops", "(b) hops via Redis, as Spin"},
        {"orchestrated_with_redis_event_pooled", "(a) orchestrated + event via Redis, pooled"},
        {"hops_pooled", "(b) hops via Redis, pooled"},
        {"e2e_orchestrated", "(h) HTTP POST /orders, end to end"},
        {"e2e_floor", "(h) HTTP floor: hops ingress, one publish"},
    };

    /** The targets of results.json: key and label. */
    private static final String[][] TARGETS = {
        {"chicory_over_jco_p50", "Chicory / jco, p50"},
        {"chicory_over_v8_per_call", "Chicory / V8 per call, p50"},
        {"orchestrated_over_java_p50", "orchestrated / plain Java, p50"},
        {"orchestrated_e2e_over_floor_p50", "HTTP end to end / floor, p50"},
        {"hops_over_orchestrated_spin_p50", "hops / orchestrated, as Spin, p50"},
        {"http_orders_per_s", "HTTP orders/s (wrk, POST /orders)"},
        {"cold_start_best_ms", "cold start, best way through the host, ms"},
    };

    private Report() {}

    public static String table(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        Map<String, Object> latency = map(r, "latency");
        s.append(
                f(
                        "%n%-46s %10s %10s %10s %12s%n",
                        "per order (validate -> price -> reserve)",
                        "p50 us",
                        "p90 us",
                        "p99 us",
                        "orders/s"));
        for (String[] way : WAYS) {
            Map<String, Object> l = map(latency, way[0]);
            s.append(
                    f(
                            "%-46s %10.1f %10.1f %10.1f %12.0f%n",
                            way[1],
                            num(l.get("p50_us")),
                            num(l.get("p90_us")),
                            num(l.get("p99_us")),
                            num(l.get("orders_per_s"))));
        }
        s.append(
                f(
                        "%-46s %45.0f%n",
                        "(b) hops, burst of " + r.get("hops_burst_size") + " in flight",
                        num(r.get("hops_burst_orders_per_s"))));
        s.append(f("%n%-46s %10s %10s %6s%n", "target", "measured", "goal", "met"));
        Map<String, Object> targets = map(r, "targets");
        for (String[] t : TARGETS) {
            Map<String, Object> target = map(targets, t[0]);
            s.append(
                    f(
                            "%-46s %10.2f %10s %6s%n",
                            t[1],
                            num(target.get("value")),
                            target.get("goal"),
                            Boolean.TRUE.equals(target.get("met")) ? "yes" : "NO"));
        }
        map(r, "missed_targets").forEach((k, why) -> s.append(f("  missed %s: %s%n", k, why)));
        Map<String, Object> adapters = map(r, "adapters");
        s.append(
                f(
                        "%n%-46s %10.1f us CPU, %8.0f bytes%n%-46s %10.1f us CPU, %8.0f bytes%n"
                                + "%-46s %10.2f%n",
                        "fused adapters, per order",
                        num(adapters.get("fused_cpu_us_per_order")),
                        num(adapters.get("fused_allocated_bytes_per_order")),
                        "lift and lower (reference), per order",
                        num(adapters.get("lift_lower_cpu_us_per_order")),
                        num(adapters.get("lift_lower_allocated_bytes_per_order")),
                        "fused / lift-lower CPU",
                        num(adapters.get("fused_over_lift_lower"))));
        s.append(f("%n%-46s %14s %14s%n", "cold start to first answer", "process ms", "main ms"));
        map(r, "cold_start_ms")
                .forEach(
                        (way, v) -> {
                            Map<String, Object> c = map(v);
                            s.append(
                                    f(
                                            "%-46s %14.0f %14.0f%n",
                                            way,
                                            num(c.get("from_process_start_ms")),
                                            num(c.get("from_main_ms"))));
                        });
        s.append(
                f(
                        "%n%-46s %10.0f (pooled Redis: %.0f)%n",
                        "HTTP orders/s (wrk)",
                        num(r.get("http_orders_per_s")),
                        num(r.get("http_pooled_orders_per_s"))));
        Map<String, Object> sizes = map(r, "sizes");
        s.append(f("%n%-46s %12s %12s%n", "size (bytes)", "core", "component"));
        map(sizes, "guests")
                .forEach(
                        (name, v) ->
                                s.append(
                                        f(
                                                "%-46s %12s %12s%n",
                                                name,
                                                map(v).get("core_bytes"),
                                                map(v).get("component_bytes"))));
        s.append(
                f(
                        "%-46s %12s raw, %s gzip (%s files)%n",
                        "OCI context",
                        sizes.get("oci_context_bytes"),
                        sizes.get("oci_context_gzip_bytes"),
                        sizes.get("oci_context_files")));
        return s.toString();
    }

    /** The same figures as Markdown for the README and docs/bench/results.md. */
    public static String markdown(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        Map<String, Object> machine = map(r, "machine");
        s.append("Measured ")
                .append(r.get("date"))
                .append(" on ")
                .append(machine.get("cpu"))
                .append(", ")
                .append(machine.get("cpus"))
                .append(" CPUs, ")
                .append(machine.get("java"))
                .append(", Node ")
                .append(machine.get("node"))
                .append(
                        Boolean.TRUE.equals(r.get("quick"))
                                ? " — QUICK MODE (smoke run, not figures to quote)"
                                : "")
                .append(".\n\n");
        s.append(
                "| per order: validate → price → reserve | p50 µs | p90 µs | p99 µs | orders/s (one"
                        + " caller) |\n"
                        + "|---|---:|---:|---:|---:|\n");
        Map<String, Object> latency = map(r, "latency");
        for (String[] way : WAYS) {
            Map<String, Object> l = map(latency, way[0]);
            s.append(
                    f(
                            "| %s | %.1f | %.1f | %.1f | %.0f |%n",
                            way[1],
                            num(l.get("p50_us")),
                            num(l.get("p90_us")),
                            num(l.get("p99_us")),
                            num(l.get("orders_per_s"))));
        }
        s.append(
                f(
                        "%n| target | measured | goal | met | why missed"
                                + " |%n|---|---:|---:|:---:|---|%n"));
        Map<String, Object> targets = map(r, "targets");
        Map<String, Object> missed = map(r, "missed_targets");
        for (String[] t : TARGETS) {
            Map<String, Object> target = map(targets, t[0]);
            s.append(
                    f(
                            "| %s | %.2f | %s | %s | %s |%n",
                            t[1],
                            num(target.get("value")),
                            target.get("goal"),
                            Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**",
                            missed.getOrDefault(t[0], "")));
        }
        s.append(
                f(
                        "%nOther ratios: hops / orchestrated with pooled Redis %.2f; hops /"
                                + " orchestrated in memory %.2f; interpreted / compiled %.1f; HTTP"
                                + " orders/s with pooled Redis %.0f.%n",
                        num(r.get("hops_over_orchestrated_pooled_p50")),
                        num(r.get("hops_over_orchestrated_in_memory_p50")),
                        num(r.get("interpreted_over_compiled")),
                        num(r.get("http_pooled_orders_per_s"))));
        Map<String, Object> adapters = map(r, "adapters");
        s.append(
                f(
                        "%n| calls between components (build-time compiled, interleaved) | the"
                            + " calling thread's CPU µs per order (no GC or JIT threads) | bytes"
                            + " allocated per order |%n|---|---:|---:|%n| fused adapters (default)"
                            + " | %.1f | %.0f |%n| lifted into Java values and lowered (reference)"
                            + " | %.1f | %.0f |%n| fused / lift-lower | %.2f | |%n",
                        num(adapters.get("fused_cpu_us_per_order")),
                        num(adapters.get("fused_allocated_bytes_per_order")),
                        num(adapters.get("lift_lower_cpu_us_per_order")),
                        num(adapters.get("lift_lower_allocated_bytes_per_order")),
                        num(adapters.get("fused_over_lift_lower"))));
        Map<String, Object> profiles = map(r, "cpu_profile");
        Map<String, Object> before = map(map(profiles, "lift_lower"), "categories");
        Map<String, Object> after = map(map(profiles, "fused"), "categories");
        s.append(
                f(
                        "%n| where one order's CPU goes (JFR samples) | before: lift and lower,"
                                + " µs (share) | after: fused, µs (share) |%n|---|---:|---:|%n"));
        for (String category : CpuProfile.CATEGORIES) {
            Map<String, Object> b = map(before, category);
            Map<String, Object> a = map(after, category);
            s.append(
                    f(
                            "| %s | %.1f (%.0f%%) | %.1f (%.0f%%) |%n",
                            category,
                            num(b.get("us_per_order")),
                            num(b.get("share")) * 100,
                            num(a.get("us_per_order")),
                            num(a.get("share")) * 100));
        }
        s.append(
                f(
                        "| total CPU per order | %.1f | %.1f |%n",
                        num(map(profiles, "lift_lower").get("cpu_us_per_order")),
                        num(map(profiles, "fused").get("cpu_us_per_order"))));
        s.append(
                f(
                        "%n| cold start to the first answer | from process start, ms | from main,"
                                + " ms | where it went, ms |%n|---|---:|---:|---|%n"));
        map(r, "cold_start_ms")
                .forEach(
                        (way, v) -> {
                            Map<String, Object> c = map(v);
                            StringBuilder phases = new StringBuilder();
                            map(c, "phases_ms")
                                    .forEach(
                                            (p, ms) ->
                                                    phases.append(phases.length() == 0 ? "" : ", ")
                                                            .append(f("%s %.0f", p, num(ms))));
                            s.append(
                                    f(
                                            "| %s%s | %.0f | %.0f | %s |%n",
                                            way,
                                            Boolean.TRUE.equals(c.get("through_host"))
                                                    ? ""
                                                    : " (no host)",
                                            num(c.get("from_process_start_ms")),
                                            num(c.get("from_main_ms")),
                                            phases));
                        });
        Map<String, Object> sizes = map(r, "sizes");
        s.append(f("%n| size | core module, bytes | component, bytes |%n|---|---:|---:|%n"));
        map(sizes, "guests")
                .forEach(
                        (name, v) ->
                                s.append(
                                        f(
                                                "| %s | %s | %s |%n",
                                                name,
                                                map(v).get("core_bytes"),
                                                map(v).get("component_bytes"))));
        s.append(
                f(
                        "| OCI context (%s files) | | %s raw, %s gzip |%n",
                        sizes.get("oci_context_files"),
                        sizes.get("oci_context_bytes"),
                        sizes.get("oci_context_gzip_bytes")));
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
