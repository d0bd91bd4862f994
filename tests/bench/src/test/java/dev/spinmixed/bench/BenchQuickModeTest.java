package dev.spinmixed.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                    "orchestrated_with_redis_event",
                    "hops",
                    "orchestrated_with_redis_event_pooled",
                    "hops_pooled");

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
        for (String key :
                List.of(
                        "hops_over_orchestrated_p50",
                        "orchestrated_over_java_p50",
                        "chicory_over_v8_per_call",
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
    void coldStartPerModeAndHttpFigures() {
        JsonNode cold = written.get("cold_start_ms");
        for (String mode : List.of("interpreted", "compiled")) {
            assertPositive(
                    cold.get(mode).get("from_process_start_ms"), mode + " from process start");
            assertPositive(
                    cold.get(mode).get("from_manifest_load_ms"), mode + " from manifest load");
            assertTrue(
                    cold.get(mode).get("from_manifest_load_ms").asDouble()
                            <= cold.get(mode).get("from_process_start_ms").asDouble(),
                    mode + ": the manifest is loaded after the process starts");
        }
        assertTrue(
                cold.has("build_time_compiled"),
                "build_time_compiled is reported, measured or not");
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
        for (String target :
                List.of(
                        "hops_over_orchestrated_p50",
                        "orchestrated_over_java_p50",
                        "chicory_over_v8_per_call",
                        "cold_start_build_time_compiled_ms",
                        "http_orders_per_s")) {
            assertTrue(written.get("targets").get(target).get("met").isBoolean(), target);
        }
        assertInstanceOf(Map.class, results.get("latency"));
        String svg = Files.readString(out.resolve("latency.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("hops via Redis"), "chart written");
        String table = Files.readString(out.resolve("results.md"));
        assertTrue(
                table.contains("| (b) hops via Redis, as Spin |")
                        && table.contains("| (b) hops via Redis, pooled |")
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
