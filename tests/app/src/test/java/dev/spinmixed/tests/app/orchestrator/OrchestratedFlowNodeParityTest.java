package dev.spinmixed.tests.app.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.tests.app.components.NodeScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 4's proof for the orchestrated wiring: the same requests go to the orchestrator composed
 * with the domain components on Chicory (core modules, through the linker) and on Node (the
 * componentized .wasm of the OCI context, transpiled by jco, with Node stand-ins for the Spin host
 * imports), and the responses and the published events must be equal, case by case.
 */
class OrchestratedFlowNodeParityTest {

    private record Case(String name, String method, String body, Map<String, String> variables) {}

    private static final Map<String, String> VARIABLES =
            Map.of("redis_address", SpinVariables.REDIS_ADDRESS, "events_channel", "orders.events");

    private static final List<Case> CASES =
            List.of(
                    post(
                            "completed",
                            """
                            {"id":"o-1","customer":"Zoë Ångström","region":"EU-DE",
                             "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250},
                                      {"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}]}\
                            """),
                    post(
                            "normalised with coupon",
                            """
                            {"id":"o-2","customer":"  Ada ","region":"US-CA","coupon":"WELCOME5",
                             "lines":[{"sku":"pen-0005","quantity":120,"unitPriceCents":99}]}\
                            """),
                    post(
                            "escapes",
                            """
                            {"id":"o-\\u0033","customer":"Ren\\u00e9e \\ud83d\\ude00 \\"Q\\"","region":"EU-NL",
                             "lines":[{"sku":"CAP-0003","quantity":1,"unitPriceCents":1500}]}\
                            """),
                    post(
                            "rejected by validate",
                            """
                            {"id":"o-4","customer":"Ada","region":"EU-DE","lines":[]}\
                            """),
                    post(
                            "rejected by price",
                            """
                            {"id":"o-5","customer":"Ada","region":"EU-DE","coupon":"SAVE10",
                             "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250}]}\
                            """),
                    post(
                            "rejected by reserve",
                            """
                            {"id":"o-6","customer":"Ada","region":"EU-DE",
                             "lines":[{"sku":"BAG-0004","quantity":16,"unitPriceCents":3000}]}\
                            """),
                    post("not JSON", "{\"id\":"),
                    post(
                            "malformed",
                            "{\"id\":\"o-7\",\"customer\":\"Ada\",\"region\":\"EU-DE\",\"lines\":[{\"sku\":1}]}"),
                    new Case("no body", "post", null, VARIABLES),
                    new Case("GET", "get", null, VARIABLES),
                    new Case("DELETE", "delete", "{}", VARIABLES),
                    new Case(
                            "no redis_address",
                            "post",
                            "{}",
                            Map.of("events_channel", "orders.events")));

    private static Case post(String name, String body) {
        return new Case(name, "post", body, VARIABLES);
    }

    private static final RecordingRedis REDIS = new RecordingRedis();
    private static Map<String, String> currentVariables = VARIABLES;
    private static Composition orchestrator;
    private static Map<String, JsonNode> nodeResults;

    @BeforeAll
    static void runOnNode() throws IOException, InterruptedException, URISyntaxException {
        Path work = Path.of(System.getProperty("jco.work")).resolve("orchestrated-flow");
        Files.createDirectories(work);
        Path casesFile = work.resolve("cases.json");
        Http.JSON.writeValue(casesFile.toFile(), CASES);
        nodeResults = new HashMap<>();
        Http.json(node(work, casesFile)).forEach(r -> nodeResults.put(r.get("name").asText(), r));
        // One instance set for every case, as Node keeps one instance of each component.
        orchestrator =
                Guests.orchestrator(
                        REDIS,
                        args -> SpinVariables.of(flatten(currentVariables)).get(args),
                        new ByteArrayOutputStream());
    }

    @AfterAll
    static void close() {
        orchestrator.close();
    }

    private static String[] flatten(Map<String, String> variables) {
        return variables.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    /** Runs orchestrated-flow.mjs on Node; a missing Node or a failing script fails the suite. */
    private static String node(Path work, Path casesFile)
            throws IOException, InterruptedException, URISyntaxException {
        Path script =
                Path.of(
                        OrchestratedFlowNodeParityTest.class
                                .getResource("orchestrated-flow.mjs")
                                .toURI());
        Path oci = Path.of(System.getProperty("apps.dir")).resolve("target/oci");
        return NodeScript.run(
                script,
                work.resolve("node.stderr"),
                oci.toString(),
                work.toString(),
                casesFile.toString());
    }

    /** The Chicory run of a case, in the shape orchestrated-flow.mjs prints (bodies parsed). */
    private static JsonNode onChicory(Case testCase) {
        currentVariables = testCase.variables();
        Optional<byte[]> body =
                Optional.ofNullable(testCase.body()).map(b -> b.getBytes(StandardCharsets.UTF_8));
        Http.Response response = Http.call(orchestrator, testCase.method(), "/orders", body);
        ObjectNode result =
                Http.JSON
                        .createObjectNode()
                        .put("name", testCase.name())
                        .put("status", response.status());
        result.set("headers", Http.JSON.valueToTree(response.headers()));
        result.set("body", response.body());
        ArrayNode events = result.putArray("events");
        while (!REDIS.isEmpty()) {
            RecordingRedis.Message message = REDIS.take();
            events.addObject()
                    .put("address", message.address())
                    .put("channel", message.channel())
                    .set("payload", Http.json(message.payload()));
        }
        return result;
    }

    /** A Node result with its body and event payloads parsed, to compare as JSON. */
    private static JsonNode parsed(JsonNode node) {
        ObjectNode result = node.deepCopy();
        result.set("body", Http.json(node.get("body").asText()));
        ArrayNode events = result.putArray("events");
        node.get("events")
                .forEach(
                        e ->
                                events.addObject()
                                        .put("address", e.get("address").asText())
                                        .put("channel", e.get("channel").asText())
                                        .set("payload", Http.json(e.get("payload").asText())));
        return result;
    }

    @TestFactory
    Stream<DynamicTest> sameResponseAndEventsOnNodeAsOnChicory() {
        return CASES.stream()
                .map(
                        testCase ->
                                DynamicTest.dynamicTest(
                                        testCase.name(),
                                        () -> {
                                            JsonNode node = nodeResults.get(testCase.name());
                                            assertNotNull(
                                                    node,
                                                    "Node gave no result for case '"
                                                            + testCase.name()
                                                            + "'");
                                            assertEquals(parsed(node), onChicory(testCase));
                                        }));
    }
}
