package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The independent host: the guest componentized and transpiled by jco, run by
 * src/test/node/runner.mjs on Node. One Node process runs a whole batch of calls, in order, on one
 * instance of the component.
 */
final class JcoHost {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private JcoHost() {}

    static List<Outcome> run(String world, List<Call> calls)
            throws IOException, InterruptedException {
        ArrayNode input = MAPPER.createArrayNode();
        for (Call call : calls) {
            input.add(describe(call));
        }
        Path module = Guests.transpiled(world);
        if (!Files.isRegularFile(module)) {
            throw new IllegalStateException(
                    module + " is missing: the Maven build transpiles the guests with jco");
        }
        Process node =
                new ProcessBuilder("node", Guests.runnerScript().toString(), module.toString())
                        .start();
        CompletableFuture<byte[]> stdout =
                CompletableFuture.supplyAsync(() -> readAll(node.getInputStream()));
        CompletableFuture<byte[]> stderr =
                CompletableFuture.supplyAsync(() -> readAll(node.getErrorStream()));
        try (OutputStream stdin = node.getOutputStream()) {
            stdin.write(MAPPER.writeValueAsBytes(input));
        }
        if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException(
                    "the jco runner for " + world + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String errors = new String(stderr.join(), StandardCharsets.UTF_8);
        if (node.exitValue() != 0) {
            throw new IllegalStateException(
                    "the jco runner for "
                            + world
                            + " exited with "
                            + node.exitValue()
                            + ":\n"
                            + errors);
        }
        JsonNode results = MAPPER.readTree(stdout.join());
        if (results == null || !results.isArray() || results.size() != calls.size()) {
            throw new IllegalStateException(
                    "the jco runner for "
                            + world
                            + " answered "
                            + calls.size()
                            + " calls with: "
                            + results
                            + "\n"
                            + errors);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode result : results) {
            outcomes.add(
                    result.has("trap")
                            ? Outcome.failed(result.get("trap").asText())
                            : Outcome.value(result.get("value")));
        }
        return outcomes;
    }

    private static ObjectNode describe(Call call) {
        ExportedFunction target = call.target();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("export", target.iface().orElse(null));
        node.put("function", target.function().name());
        ArrayNode params = node.putArray("params");
        target.function().params().forEach(p -> params.add(TypeDescriptor.of(p.type())));
        node.set("result", TypeDescriptor.optional(target.function().result()));
        ArrayNode args = node.putArray("args");
        call.args().forEach(args::add);
        return node;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
