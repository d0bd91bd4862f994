package dev.spinmixed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The same core modules on Node's V8 (bench/v8/pipeline.mjs, a hand-written canonical ABI linker
 * over node:wasi), one order per handle-request call. The answer must equal the one Chicory gave.
 */
public final class V8Run {

    private V8Run() {}

    public static Latency run(Path repo, byte[] expectedAnswer, boolean quick, Path workDir)
            throws IOException, InterruptedException {
        Path order = workDir.resolve("order.json");
        Files.write(order, SampleOrders.typical());
        List<String> command =
                List.of(
                        "node",
                        "--no-warnings",
                        repo.resolve("bench/v8/pipeline.mjs").toString(),
                        repo.resolve("apps/target/core").toString(),
                        order.toString(),
                        quick ? "2000" : "20000",
                        quick ? "5000" : "50000");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run node (Node.js 20+ is needed for the V8 comparison): "
                            + e.getMessage(),
                    e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the V8 run failed:\n" + out);
        }
        return latency(out, expectedAnswer, "V8");
    }

    /** The latency a Node harness printed, after checking that its first answer is Chicory's. */
    static Latency latency(String out, byte[] expectedAnswer, String host) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode result = json.readTree(out);
        JsonNode expected = json.readTree(expectedAnswer);
        if (result.get("status").asInt() != 200
                || !json.readTree(result.get("body").asText()).equals(expected)) {
            throw new IllegalStateException(
                    host
                            + " answered differently from Chicory: "
                            + out
                            + "\nexpected 200 "
                            + new String(expectedAnswer, StandardCharsets.UTF_8));
        }
        JsonNode l = result.get("latency");
        return new Latency(
                l.get("p50_us").asDouble(),
                l.get("p90_us").asDouble(),
                l.get("p99_us").asDouble(),
                l.get("mean_us").asDouble(),
                l.get("orders_per_s").asDouble(),
                l.get("samples").asLong());
    }
}
