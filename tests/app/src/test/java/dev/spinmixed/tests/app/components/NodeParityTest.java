package dev.spinmixed.tests.app.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.inventory.Inventory;
import dev.spinmixed.contracts.acme.orders.types.Order;
import dev.spinmixed.contracts.acme.orders.types.PricedOrder;
import dev.spinmixed.contracts.acme.orders.types.Rejection;
import dev.spinmixed.contracts.acme.orders.types.Reservation;
import dev.spinmixed.contracts.acme.pricing.Pricing;
import dev.spinmixed.contracts.acme.validation.Validation;
import dev.spinmixed.linker.Composition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 4's proof that the components Spin gets behave as the core modules the JVM runs: the same
 * cases run on Chicory (core modules, through the linker) and on Node (the componentized .wasm of
 * the OCI context, transpiled by jco), and the results must be equal, case by case.
 */
class NodeParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode cases;
    private static Map<String, JsonNode> nodeResults;
    private static Composition validation;
    private static Composition pricing;
    private static Composition inventory;

    @BeforeAll
    static void runOnNode() throws IOException, InterruptedException {
        Path casesFile = Path.of(System.getProperty("jco.work")).resolve("parity-cases.json");
        Files.createDirectories(casesFile.getParent());
        try (InputStream in = NodeParityTest.class.getResourceAsStream("/parity-cases.json")) {
            Files.write(casesFile, in.readAllBytes());
        }
        cases = MAPPER.readTree(casesFile.toFile());
        nodeResults = new HashMap<>();
        MAPPER.readTree(node(casesFile))
                .forEach(r -> nodeResults.put(r.get("name").asText(), r.get("result")));
        validation = AppComponents.alone("validation", "validation-component");
        pricing = AppComponents.alone("pricing", "pricing-component");
        inventory = AppComponents.alone("inventory", "inventory-component");
    }

    @AfterAll
    static void close() {
        validation.close();
        pricing.close();
        inventory.close();
    }

    /** Runs parity.mjs on Node; a missing Node or a failing script fails the suite. */
    private static String node(Path casesFile) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("node.scripts")).resolve("parity.mjs");
        return NodeScript.run(
                script,
                casesFile.resolveSibling("parity.stderr"),
                AppComponents.appsDir().resolve("target/oci").toString(),
                System.getProperty("jco.work"),
                casesFile.toString());
    }

    /** A step's result through the typed facades generated from apps/wit. */
    private static WitResult<?, Rejection> validate(Order order) {
        return Validation.exportedBy(validation).validate(order);
    }

    private static WitResult<?, Rejection> price(Order order) {
        return Pricing.exportedBy(pricing).price(order);
    }

    private static WitResult<?, Rejection> reserve(PricedOrder order) {
        return Inventory.exportedBy(inventory).reserve(order);
    }

    /** A typed result in the value model, for the JSON parity.mjs compares with. */
    private static JsonNode json(WitResult<?, Rejection> result) {
        return JsonValues.toJson(result.toValue(NodeParityTest::value, Rejection::toValue));
    }

    private static Object value(Object ok) {
        if (ok instanceof Order o) {
            return o.toValue();
        }
        if (ok instanceof PricedOrder o) {
            return o.toValue();
        }
        return ((Reservation) ok).toValue();
    }

    /** validate -> price -> reserve, stopping at the first rejection, as parity.mjs does. */
    private static JsonNode pipeline(Order order) {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        WitResult<Order, Rejection> valid = Validation.exportedBy(validation).validate(order);
        results.add(json(valid));
        if (valid.isOk()) {
            WitResult<PricedOrder, Rejection> priced =
                    Pricing.exportedBy(pricing).price(valid.orElseThrow());
            results.add(json(priced));
            if (priced.isOk()) {
                results.add(json(reserve(priced.orElseThrow())));
            }
        }
        return results;
    }

    private static JsonNode onChicory(JsonNode testCase) {
        String step = testCase.get("step").asText();
        JsonNode input = testCase.get("input");
        return switch (step) {
            case "pipeline" -> pipeline(JsonValues.order(input));
            case "validate" -> json(validate(JsonValues.order(input)));
            case "price" -> json(price(JsonValues.order(input)));
            case "reserve" -> json(reserve(JsonValues.pricedOrder(input)));
            default -> throw new IllegalArgumentException("unknown step " + step);
        };
    }

    @TestFactory
    Stream<DynamicTest> sameResultOnNodeAsOnChicory() {
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach(
                testCase -> {
                    String name = testCase.get("name").asText();
                    tests.add(
                            DynamicTest.dynamicTest(
                                    name,
                                    () -> {
                                        JsonNode node = nodeResults.get(name);
                                        assertTrue(
                                                node != null,
                                                "Node gave no result for case '" + name + "'");
                                        assertEquals(onChicory(testCase), node);
                                    }));
                });
        return tests.stream();
    }

    @Test
    void casesCoverOkAndErrOfEveryStep() {
        List<String> seen = new ArrayList<>();
        nodeResults
                .values()
                .forEach(
                        result ->
                                (result.isArray() ? result : List.of(result))
                                        .forEach(
                                                r -> {
                                                    String outcome = r.has("ok") ? "ok" : "err";
                                                    String step =
                                                            r.has("err")
                                                                    ? r.get("err")
                                                                            .get("step")
                                                                            .asText()
                                                                    : okStep(r.get("ok"));
                                                    seen.add(step + ":" + outcome);
                                                }));
        for (String step : List.of("validate", "price", "reserve")) {
            assertTrue(seen.contains(step + ":ok"), step + " never answers ok in the cases");
            assertTrue(seen.contains(step + ":err"), step + " never rejects in the cases");
        }
    }

    /** Which step produced an ok value, by its shape. */
    private static String okStep(JsonNode value) {
        if (value.has("reservation-id")) {
            return "reserve";
        }
        return value.has("total-cents") ? "price" : "validate";
    }
}
