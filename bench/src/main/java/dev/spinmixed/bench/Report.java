package dev.spinmixed.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The human-readable summary of results.json: latency per way, ratios against targets, cold start,
 * HTTP, sizes.
 */
public final class Report {

    private static final String[][] WAYS = {
        {"java", "(c) plain Java, direct calls"},
        {"orchestrated_compiled", "(a) orchestrated, Chicory compiled"},
        {"orchestrated_build_time_compiled", "(e) orchestrated, build-time compiled"},
        {"orchestrated_interpreted", "(e) orchestrated, Chicory interpreted"},
        {"v8", "(d) same core modules on V8 (Node)"},
        {"orchestrated_with_redis_event", "(a) orchestrated + event via Redis, as Spin"},
        {"hops", "(b) hops via Redis, as Spin"},
        {"orchestrated_with_redis_event_pooled", "(a) orchestrated + event via Redis, pooled"},
        {"hops_pooled", "(b) hops via Redis, pooled"},
    };

    private Report() {}

    @SuppressWarnings("unchecked")
    public static String table(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        Map<String, Object> latency = (Map<String, Object>) r.get("latency");
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n%-46s %10s %10s %10s %12s%n",
                        "per order (validate -> price -> reserve)",
                        "p50 us",
                        "p90 us",
                        "p99 us",
                        "orders/s"));
        for (String[] way : WAYS) {
            Map<String, Object> l = (Map<String, Object>) latency.get(way[0]);
            s.append(
                    String.format(
                            Locale.ROOT,
                            "%-46s %10.1f %10.1f %10.1f %12.0f%n",
                            way[1],
                            num(l.get("p50_us")),
                            num(l.get("p90_us")),
                            num(l.get("p99_us")),
                            num(l.get("orders_per_s"))));
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %45.0f%n",
                        "(b) hops, burst of " + r.get("hops_burst_size") + " in flight",
                        num(r.get("hops_burst_orders_per_s"))));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %45.0f%n",
                        "(b) hops pooled, burst in flight",
                        num(r.get("hops_pooled_burst_orders_per_s"))));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n%-46s %10s %10s %6s%n",
                        "ratio",
                        "measured",
                        "target",
                        "met"));
        Map<String, Object> targets = (Map<String, Object>) r.get("targets");
        ratio(s, "b/a hops / orchestrated p50", targets.get("hops_over_orchestrated_p50"));
        ratio(s, "a/c orchestrated / plain Java p50", targets.get("orchestrated_over_java_p50"));
        ratio(s, "a/d Chicory / V8 per call", targets.get("chicory_over_v8_per_call"));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %10.2f%n",
                        "b/a' hops / orchestrated in-memory p50",
                        num(r.get("hops_over_orchestrated_in_memory_p50"))));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %10.2f%n",
                        "e interpreted / compiled p50",
                        num(r.get("interpreted_over_compiled"))));
        ratio(s, "HTTP orders/s (wrk, POST /orders)", targets.get("http_orders_per_s"));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %10.0f%n",
                        "HTTP orders/s, pooled Redis",
                        num(r.get("http_pooled_orders_per_s"))));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n%-46s %14s %14s%n",
                        "cold start to first answer",
                        "process ms",
                        "manifest ms"));
        ((Map<String, Object>) r.get("cold_start_ms"))
                .forEach(
                        (mode, v) -> {
                            if (v == null) {
                                s.append(
                                        String.format(
                                                Locale.ROOT, "%-46s %29s%n", mode, "not measured"));
                            } else {
                                Map<String, Object> c = (Map<String, Object>) v;
                                s.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%-46s %14.0f %14.0f%n",
                                                mode,
                                                num(c.get("from_process_start_ms")),
                                                num(c.get("from_manifest_load_ms"))));
                            }
                        });
        Map<String, Object> sizes = (Map<String, Object>) r.get("sizes");
        s.append(
                String.format(
                        Locale.ROOT, "%n%-46s %12s %12s%n", "size (bytes)", "core", "component"));
        ((Map<String, Object>) sizes.get("guests"))
                .forEach(
                        (name, v) -> {
                            Map<String, Object> g = (Map<String, Object>) v;
                            s.append(
                                    String.format(
                                            Locale.ROOT,
                                            "%-46s %12s %12s%n",
                                            name,
                                            g.get("core_bytes"),
                                            g.get("component_bytes")));
                        });
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %12s raw, %s gzip (%s files)%n",
                        "OCI context",
                        sizes.get("oci_context_bytes"),
                        sizes.get("oci_context_gzip_bytes"),
                        sizes.get("oci_context_files")));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %s%n",
                        "Redis image deployed next to it",
                        sizes.get("redis_image")));
        return s.toString();
    }

    /** The same figures as a Markdown section for the README (docs/bench/results.md). */
    @SuppressWarnings("unchecked")
    public static String markdown(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
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
        Map<String, Object> latency = (Map<String, Object>) r.get("latency");
        for (String[] way : WAYS) {
            Map<String, Object> l = (Map<String, Object>) latency.get(way[0]);
            s.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.1f | %.1f | %.1f | %.0f |%n",
                            way[1],
                            num(l.get("p50_us")),
                            num(l.get("p90_us")),
                            num(l.get("p99_us")),
                            num(l.get("orders_per_s"))));
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n| ratio | measured | target | met |%n|---|---:|---:|:---:|%n"));
        Map<String, Object> targets = (Map<String, Object>) r.get("targets");
        mdRatio(s, "hops / orchestrated, p50 (b/a)", targets.get("hops_over_orchestrated_p50"));
        mdRatio(
                s,
                "orchestrated / plain Java, p50 (a/c)",
                targets.get("orchestrated_over_java_p50"));
        mdRatio(s, "Chicory / V8 per call, p50 (a/d)", targets.get("chicory_over_v8_per_call"));
        s.append(
                String.format(
                        Locale.ROOT,
                        "| interpreted / compiled, p50 (e) | %.1f | | |%n",
                        num(r.get("interpreted_over_compiled"))));
        mdRatio(
                s,
                "cold start, build-time compiled, ms",
                targets.get("cold_start_build_time_compiled_ms"));
        mdRatio(s, "HTTP orders/s (wrk, POST /orders)", targets.get("http_orders_per_s"));
        s.append(
                String.format(
                        Locale.ROOT,
                        "| HTTP orders/s, pooled Redis (--redis-pool) | %.2f | | |%n",
                        num(r.get("http_pooled_orders_per_s"))));
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n| cold start to the first answer | from process start, ms | from"
                                + " loading, ms |%n|---|---:|---:|%n"));
        ((Map<String, Object>) r.get("cold_start_ms"))
                .forEach(
                        (mode, v) -> {
                            Map<String, Object> c = (Map<String, Object>) v;
                            s.append(
                                    String.format(
                                            Locale.ROOT,
                                            "| %s | %.0f | %.0f |%n",
                                            mode,
                                            num(c.get("from_process_start_ms")),
                                            num(c.get("from_manifest_load_ms"))));
                        });
        Map<String, Object> sizes = (Map<String, Object>) r.get("sizes");
        s.append(
                String.format(
                        Locale.ROOT,
                        "%n| size | core module, bytes | component, bytes |%n|---|---:|---:|%n"));
        ((Map<String, Object>) sizes.get("guests"))
                .forEach(
                        (name, v) -> {
                            Map<String, Object> g = (Map<String, Object>) v;
                            s.append(
                                    String.format(
                                            Locale.ROOT,
                                            "| %s | %s | %s |%n",
                                            name,
                                            g.get("core_bytes"),
                                            g.get("component_bytes")));
                        });
        s.append(
                String.format(
                        Locale.ROOT,
                        "| OCI context (%s files) | | %s raw, %s gzip |%n",
                        sizes.get("oci_context_files"),
                        sizes.get("oci_context_bytes"),
                        sizes.get("oci_context_gzip_bytes")));
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static void mdRatio(StringBuilder s, String label, Object target) {
        Map<String, Object> t = (Map<String, Object>) target;
        Object value = t.get("value");
        s.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s |%n",
                        label,
                        value == null ? "–" : String.format(Locale.ROOT, "%.2f", num(value)),
                        t.get("goal"),
                        Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**"));
    }

    @SuppressWarnings("unchecked")
    private static void ratio(StringBuilder s, String label, Object target) {
        Map<String, Object> t = (Map<String, Object>) target;
        Object value = t.get("value");
        s.append(
                String.format(
                        Locale.ROOT,
                        "%-46s %10s %10s %6s%n",
                        label,
                        value == null ? "-" : String.format(Locale.ROOT, "%.2f", num(value)),
                        t.get("goal"),
                        Boolean.TRUE.equals(t.get("met")) ? "yes" : "NO"));
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }
}
