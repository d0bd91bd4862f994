package dev.spinmixed.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.bench.BenchMain;
import dev.spinmixed.bench.ColdStart;
import dev.spinmixed.bench.CpuProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark in quick mode into a temporary directory and checks that the harness
 * produced every figure with a sane type (not the numbers: speed is the benchmark's business).
 * Needs what the benchmark needs: the built app, redis-server, wrk and node.
 */
class BenchQuickModeTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> WAYS =
            List.of(
                    "java",
                    "orchestrated_compiled",
                    "orchestrated_build_time_compiled",
                    "orchestrated_interpreted",
                    "v8",
                    "jco",
                    "orchestrated_with_redis_event",
                    "hops",
                    "orchestrated_with_redis_event_pooled",
                    "hops_pooled",
                    "e2e_orchestrated",
                    "e2e_floor");

    /** The targets of issue 13, top-level keys of results.json. */
    private static final List<String> TARGETS =
            List.of(
                    "chicory_over_jco_p50",
                    "chicory_over_v8_per_call",
                    "orchestrated_over_java_p50",
                    "orchestrated_e2e_over_floor_p50",
                    "hops_over_orchestrated_spin_p50",
                    "http_orders_per_s",
                    "cold_start_best_ms");

    @TempDir static Path out;
    static Map<String, Object> results;
    static JsonNode written;

    @BeforeAll
    static void runQuickBench() throws Exception {
        results = BenchMain.run(new BenchMain.Options(REPO, out, true));
        written = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void ratiosAreFinitePositiveNumbers() {
        for (String key : TARGETS) {
            assertPositive(written.get(key), key);
        }
        for (String key :
                List.of(
                        "interpreted_over_compiled",
                        "hops_over_orchestrated_in_memory_p50",
                        "http_orders_per_s",
                        "hops_burst_orders_per_s",
                        "hops_over_orchestrated_pooled_p50",
                        "http_pooled_orders_per_s",
                        "hops_pooled_burst_orders_per_s")) {
            assertPositive(written.get(key), key);
        }
    }

    @Test
    void everyWayHasPercentilesAndThroughput() {
        JsonNode latency = written.get("latency");
        assertEquals(WAYS.size(), latency.size(), "ways measured: " + latency);
        for (String way : WAYS) {
            JsonNode l = latency.get(way);
            for (String key :
                    List.of("p50_us", "p90_us", "p99_us", "mean_us", "orders_per_s", "samples")) {
                assertPositive(l.get(key), way + "." + key);
            }
            assertTrue(
                    l.get("p50_us").asDouble() <= l.get("p90_us").asDouble()
                            && l.get("p90_us").asDouble() <= l.get("p99_us").asDouble(),
                    way + ": percentiles out of order: " + l);
        }
    }

    @Test
    void coldStartPerWayWithItsPhases() {
        JsonNode cold = written.get("cold_start_ms");
        assertEquals(ColdStart.WAYS.size(), cold.size(), "ways measured: " + cold);
        double best = Double.MAX_VALUE;
        for (ColdStart.Way way : ColdStart.WAYS) {
            JsonNode c = cold.get(way.name());
            assertPositive(c.get("from_process_start_ms"), way.name() + " from process start");
            assertPositive(c.get("from_main_ms"), way.name() + " from main");
            assertTrue(
                    c.get("from_main_ms").asDouble() <= c.get("from_process_start_ms").asDouble(),
                    way.name() + ": main runs after the process starts");
            List<String> phases = new java.util.ArrayList<>();
            c.get("phases_ms").fieldNames().forEachRemaining(phases::add);
            assertEquals("jvm_until_main", phases.get(0), way.name() + ": " + phases);
            assertTrue(phases.contains("first_call"), way.name() + ": " + phases);
            if (c.get("through_host").asBoolean()) {
                assertTrue(phases.contains("contract_check"), way.name() + ": " + phases);
                best = Math.min(best, c.get("from_process_start_ms").asDouble());
            }
        }
        assertEquals(best, written.get("cold_start_best_ms").asDouble(), "the best host way");
    }

    @Test
    void adaptersAndProfileBeforeAndAfter() {
        JsonNode adapters = written.get("adapters");
        for (String key :
                List.of(
                        "fused_cpu_us_per_order",
                        "lift_lower_cpu_us_per_order",
                        "fused_over_lift_lower",
                        "fused_allocated_bytes_per_order",
                        "lift_lower_allocated_bytes_per_order")) {
            assertPositive(adapters.get(key), "adapters." + key);
        }
        for (String side : List.of("lift_lower", "fused")) {
            JsonNode profile = written.get("cpu_profile").get(side);
            assertPositive(profile.get("samples"), side + " samples");
            double shares = 0;
            for (String category : CpuProfile.CATEGORIES) {
                shares += profile.get("categories").get(category).get("share").asDouble();
            }
            assertEquals(1.0, shares, 1e-9, side + ": every sample in one category");
            assertTrue(
                    profile.get("categories").get("guest code").get("share").asDouble() > 0,
                    side + ": the guests' code shows in the profile");
        }
    }

    @Test
    void everyMissedTargetHasItsReason() {
        JsonNode targets = written.get("targets");
        assertEquals(TARGETS.size(), targets.size(), "targets: " + targets);
        for (String key : TARGETS) {
            JsonNode t = targets.get(key);
            assertTrue(t.get("met").isBoolean(), key);
            assertEquals(written.get(key).asDouble(), t.get("value").asDouble(), key);
            JsonNode reason = written.get("missed_targets").get(key);
            if (t.get("met").asBoolean()) {
                assertTrue(reason == null, key + " was met but has a reason: " + reason);
            } else {
                assertTrue(
                        reason != null && reason.asText().matches(".*[0-9].*"),
                        key + " was missed: its reason must give figures, got " + reason);
            }
        }
    }

    @Test
    void httpFigures() {
        for (String run : List.of("http", "http_pooled")) {
            JsonNode http = written.get(run);
            assertPositive(http.get("requests"), run + ".requests");
            assertEquals(
                    0,
                    http.get("non_2xx").asLong(),
                    "the orchestrated route answered something else than 200 under wrk: " + http);
            assertTrue(
                    http.get("socket_errors").isIntegralNumber(),
                    "socket errors reported: " + http);
        }
    }

    @Test
    void sizesMachineDateAndTargets() throws Exception {
        JsonNode sizes = written.get("sizes");
        for (String guest : List.of("validation", "pricing", "inventory", "orchestrator")) {
            assertPositive(sizes.get("guests").get(guest).get("core_bytes"), guest + " core");
            assertPositive(
                    sizes.get("guests").get(guest).get("component_bytes"), guest + " component");
        }
        assertPositive(sizes.get("oci_context_bytes"), "OCI context");
        assertTrue(sizes.get("redis_image").asText().startsWith("docker.io/library/redis:"));
        assertTrue(written.get("machine").get("cpus").asInt() > 0);
        assertTrue(written.get("machine").get("cpu").isTextual());
        OffsetDateTime.parse(written.get("date").asText());
        assertTrue(written.get("quick").asBoolean());
        assertTrue(
                written.get("equivalence_orders_checked").asInt() >= 10,
                "orders compared between Java and wasm");
        assertInstanceOf(Map.class, results.get("latency"));
        String svg = Files.readString(out.resolve("latency.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("hops via Redis"), "chart written");
        String table = Files.readString(out.resolve("results.md"));
        assertTrue(
                table.contains("| (b) hops via Redis, as Spin |")
                        && table.contains("| (b) hops via Redis, pooled |")
                        && table.contains("| (f) components transpiled by jco, on Node |")
                        && table.contains("where one order's CPU goes")
                        && table.contains("QUICK MODE"),
                "README table written: " + table);
    }

    private static void assertPositive(JsonNode value, String what) {
        assertTrue(
                value != null
                        && value.isNumber()
                        && value.asDouble() > 0
                        && Double.isFinite(value.asDouble()),
                what + " should be a positive number, got " + value);
    }
}
