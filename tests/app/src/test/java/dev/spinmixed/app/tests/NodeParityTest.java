package dev.spinmixed.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
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

    private static Object chicory(String step, Object input) {
        return switch (step) {
            case "validate" ->
                    validation.call(AppComponents.VALIDATION, "validate", List.of(input));
            case "price" -> pricing.call(AppComponents.PRICING, "price", List.of(input));
            case "reserve" -> inventory.call(AppComponents.INVENTORY, "reserve", List.of(input));
            default -> throw new IllegalArgumentException("unknown step " + step);
        };
    }

    /** validate -> price -> reserve, stopping at the first rejection, as parity.mjs does. */
    private static JsonNode pipeline(Record order) {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        Object value = order;
        for (String step : List.of("validate", "price", "reserve")) {
            Result result = (Result) chicory(step, value);
            results.add(JsonValues.toJson(result));
            if (!result.isOk()) {
                break;
            }
            value = result.value();
        }
        return results;
    }

    private static JsonNode onChicory(JsonNode testCase) {
        String step = testCase.get("step").asText();
        JsonNode input = testCase.get("input");
        return switch (step) {
            case "pipeline" -> pipeline(JsonValues.order(input));
            case "reserve" -> JsonValues.toJson(chicory(step, JsonValues.pricedOrder(input)));
            default -> JsonValues.toJson(chicory(step, JsonValues.order(input)));
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
