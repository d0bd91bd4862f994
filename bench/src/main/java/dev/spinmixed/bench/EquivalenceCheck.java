package dev.spinmixed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.bench.java.OrderPipeline;
import dev.spinmixed.host.runtime.GuestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before anything is timed: the plain Java pipeline must answer every sample order exactly as the
 * wasm components do (same status, same JSON), else the comparison would be of different work.
 */
public final class EquivalenceCheck {

    private EquivalenceCheck() {}

    /** Returns the number of orders compared; throws naming every order that differs. */
    public static int run(WasmApp wasm, OrderPipeline java) {
        ObjectMapper json = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        Map<String, byte[]> orders = SampleOrders.all();
        orders.forEach(
                (name, body) -> {
                    GuestResponse w = wasm.order(body);
                    OrderPipeline.Answer j = java.handle(body);
                    String wasmBody =
                            new String(w.body().orElse(new byte[0]), StandardCharsets.UTF_8);
                    String javaBody = new String(j.body(), StandardCharsets.UTF_8);
                    try {
                        JsonNode wasmJson = json.readTree(wasmBody);
                        JsonNode javaJson = json.readTree(javaBody);
                        if (w.status() != j.status() || !wasmJson.equals(javaJson)) {
                            differences.add(
                                    name
                                            + ": wasm "
                                            + w.status()
                                            + " "
                                            + wasmBody
                                            + "\n   java "
                                            + j.status()
                                            + " "
                                            + javaBody);
                        }
                    } catch (IOException e) {
                        differences.add(
                                name
                                        + ": not JSON ("
                                        + e.getMessage()
                                        + "): wasm "
                                        + wasmBody
                                        + " / java "
                                        + javaBody);
                    }
                });
        if (!differences.isEmpty()) {
            throw new IllegalStateException(
                    "the plain Java pipeline differs from the wasm components on "
                            + differences.size()
                            + " of "
                            + orders.size()
                            + " orders:\n - "
                            + String.join("\n - ", differences));
        }
        return orders.size();
    }
}
