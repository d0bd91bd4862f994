package dev.spinmixed.tests.app.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.linker.Composition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orchestrator guest composed with the three domain components on Chicory, as Spin composes
 * them for {@code POST /orders}: Redis publish and the Spin variables are served by Java.
 */
class OrchestratorTest {

    private static final String TWO_LINES =
            """
            {"id":"o-1","customer":"Zoë Ångström","region":"EU-DE",
             "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250},
                      {"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}]}\
            """;

    private final RecordingRedis redis = new RecordingRedis();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Composition orchestrator;

    private Http.Response post(String body) {
        return post(SpinVariables.orchestrator(), body);
    }

    private Http.Response post(SpinVariables variables, String body) {
        orchestrator = Guests.orchestrator(redis, variables, stderr);
        return Http.post(orchestrator, "/orders", body);
    }

    @AfterEach
    void close() {
        if (orchestrator != null) {
            orchestrator.close();
        }
    }

    /** The one event the order published, after checking where it went. */
    private JsonNode onlyEvent() {
        assertEquals(1, redis.published().size(), "events published");
        RecordingRedis.Message message = redis.published().get(0);
        assertEquals(SpinVariables.REDIS_ADDRESS, message.address());
        assertEquals("orders.events", message.channel());
        return Http.json(message.payload());
    }

    /** The event is the response body with an {@code event} member first. */
    private static JsonNode asEvent(String name, JsonNode body) {
        ObjectNode event = Http.JSON.createObjectNode().put("event", name);
        event.setAll((ObjectNode) body);
        return event;
    }

    @Test
    void validOrderIsPricedReservedAndPublished() {
        Http.Response response = post(TWO_LINES);

        assertEquals(200, response.status());
        assertEquals(Optional.of("application/json"), response.header("content-type"));
        JsonNode body = response.body();
        String reservationId = body.path("reservation").path("id").asText();
        assertTrue(reservationId.matches("RSV-[0-9A-F]{16}"), reservationId);
        // Names are normalised by validation; 4499 * 19% = 854.81 -> 855 tax in EU-DE.
        assertEquals(
                Http.json(
                        """
                        {"orderId":"o-1","customer":"Zoë Ångström","region":"EU-DE",
                         "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250,"lineTotalCents":2500,"discountCents":0},
                                  {"sku":"TEE-0002","quantity":1,"unitPriceCents":1999,"lineTotalCents":1999,"discountCents":0}],
                         "coupon":null,"subtotalCents":4499,"discountCents":0,"taxCents":855,"totalCents":5354,
                         "reservation":{"id":"%s","lines":[{"sku":"MUG-0001","quantity":2,"remaining":118},
                                                           {"sku":"TEE-0002","quantity":1,"remaining":79}],
                                        "totalCents":5354}}\
                        """
                                .formatted(reservationId)),
                body);
        assertEquals(asEvent("order-completed", body), onlyEvent());
    }

    @Test
    void normalisedOrderAndCouponReachPricing() {
        Http.Response response =
                post(
                        """
                        {"id":"o-2","customer":"  Ada  ","region":"EU-DE","coupon":"WELCOME5",
                         "lines":[{"sku":"mug-0001","quantity":2,"unitPriceCents":1250},
                                  {"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}]}\
                        """);

        assertEquals(200, response.status());
        JsonNode body = response.body();
        assertEquals("Ada", body.get("customer").asText());
        assertEquals("MUG-0001", body.at("/lines/0/sku").asText());
        assertEquals("WELCOME5", body.get("coupon").asText());
        // WELCOME5 takes 500 off 4499; tax 19% of 3999 = 759.81 -> 760.
        assertEquals(
                List.of(4499, 500, 760, 4759),
                List.of(
                        body.get("subtotalCents").asInt(),
                        body.get("discountCents").asInt(),
                        body.get("taxCents").asInt(),
                        body.get("totalCents").asInt()));
        assertEquals(4759, body.at("/reservation/totalCents").asInt());
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    no lines      | {"id":"o-3","customer":"Ada","region":"EU-DE","lines":[]} | validate | lines | must have at least one line
                    zero quantity | {"id":"o-3","customer":"Ada","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":0,"unitPriceCents":1}]} | validate | lines[0].quantity | must be between 1 and 10000, got 0
                    u32 max       | {"id":"o-3","customer":"Ada","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":4294967295,"unitPriceCents":1}]} | validate | lines[0].quantity | must be between 1 and 10000, got 4294967295
                    SAVE10 small  | {"id":"o-3","customer":"Ada","region":"EU-DE","coupon":"SAVE10","lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250}]} | price | coupon | SAVE10 needs at least 5000 cents after volume discounts, got 2500
                    out of stock  | {"id":"o-3","customer":"Ada","region":"EU-DE","lines":[{"sku":"BTL-0007","quantity":1,"unitPriceCents":100}]} | reserve | lines[0].quantity | only 0 units of BTL-0007 left in stock, 1 requested
                    """)
    void rejectionNamesTheStepAndIsPublished(
            String name, String order, String step, String field, String reason) {
        Http.Response response = post(order);

        assertEquals(422, response.status());
        JsonNode body = response.body();
        assertEquals(
                Http.json(
                        """
                        {"orderId":"o-3","step":"%s","problems":[{"field":"%s","reason":"%s"}]}\
                        """
                                .formatted(step, field, reason)),
                body);
        assertEquals(asEvent("order-rejected", body), onlyEvent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    truncated       | {"id":                                      | not-json        |                   | unexpected end of input, expected a value at byte 6
                    trailing text   | {"id":"o"} x                                | not-json        |                   | unexpected characters after the JSON value at byte 11
                    not an object   | [1,2]                                       | malformed-order | $                 | expected an object, found an array
                    missing id      | {"customer":"Ada","region":"EU-DE","lines":[]} | malformed-order | id             | is required
                    id not a string | {"id":7,"customer":"Ada","region":"EU-DE","lines":[]} | malformed-order | id      | expected a string, found a number
                    unknown field   | {"id":"o","qty":1}                          | malformed-order | qty               | unknown field
                    duplicate key   | {"id":"o","id":"p"}                         | not-json        |                   | duplicate key "id" at byte 10
                    negative        | {"id":"o","customer":"A","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":-1,"unitPriceCents":1}]} | malformed-order | lines[0].quantity | expected an integer from 0 to 4294967295
                    above u32       | {"id":"o","customer":"A","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":4294967296,"unitPriceCents":1}]} | malformed-order | lines[0].quantity | expected an integer from 0 to 4294967295
                    fraction        | {"id":"o","customer":"A","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":1.5}]} | malformed-order | lines[0].unitPriceCents | expected an integer from 0 to 18446744073709551615
                    above u64       | {"id":"o","customer":"A","region":"EU-DE","lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":18446744073709551616}]} | malformed-order | lines[0].unitPriceCents | expected an integer from 0 to 18446744073709551615
                    coupon number   | {"id":"o","customer":"A","region":"EU-DE","lines":[],"coupon":5} | malformed-order | coupon | expected a string, found a number
                    """)
    void malformedBodyIs400AndNothingRuns(
            String name, String body, String error, String field, String reason) {
        Http.Response response = post(body);

        assertEquals(400, response.status());
        JsonNode expected =
                field == null
                        ? Http.JSON.createObjectNode().put("error", error).put("reason", reason)
                        : Http.JSON
                                .createObjectNode()
                                .put("error", error)
                                .put("field", field)
                                .put("reason", reason);
        assertEquals(expected, response.body());
        assertTrue(redis.published().isEmpty(), "nothing is published for a malformed body");
    }

    @Test
    void escapesAndNonAsciiTextSurviveTheRoundTrip() {
        Http.Response response =
                post(
                        """
                        {"id":"o-\\u0031","customer":"Ren\\u00e9e \\ud83d\\ude00 \\"Q\\" \\\\ Zoë","region":"EU-DE",
                         "lines":[{"sku":"MUG-0001","quantity":1,"unitPriceCents":100}]}\
                        """);

        assertEquals(200, response.status());
        assertEquals("o-1", response.body().get("orderId").asText());
        assertEquals("Renée \uD83D\uDE00 \"Q\" \\ Zoë", response.body().get("customer").asText());
        assertEquals("Renée \uD83D\uDE00 \"Q\" \\ Zoë", onlyEvent().get("customer").asText());
    }

    @Test
    void nestingDeeperThan64LevelsIs400() {
        Http.Response response = post("[".repeat(100));

        assertEquals(400, response.status());
        assertEquals(
                Http.json(
                        "{\"error\":\"not-json\",\"reason\":\"nesting deeper than 64 levels at byte"
                                + " 64\"}"),
                response.body());
    }

    @Test
    void bodyThatIsNotUtf8Is400() {
        orchestrator = Guests.orchestrator(redis, SpinVariables.orchestrator(), stderr);
        byte[] body = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};

        Http.Response response = Http.call(orchestrator, "post", "/orders", Optional.of(body));

        assertEquals(400, response.status());
        assertEquals(
                Http.json("{\"error\":\"not-json\",\"reason\":\"invalid UTF-8 at byte 7\"}"),
                response.body());
    }

    @Test
    void missingBodyIs400() {
        orchestrator = Guests.orchestrator(redis, SpinVariables.orchestrator(), stderr);

        Http.Response response = Http.call(orchestrator, "post", "/orders", Optional.empty());

        assertEquals(400, response.status());
        assertEquals("not-json", response.body().get("error").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "put", "delete", "patch", "head", "options"})
    void otherMethodsAre405(String method) {
        orchestrator = Guests.orchestrator(redis, SpinVariables.orchestrator(), stderr);

        Http.Response response =
                Http.call(
                        orchestrator,
                        method,
                        "/orders",
                        Optional.of(TWO_LINES.getBytes(StandardCharsets.UTF_8)));

        assertEquals(405, response.status());
        assertEquals(Optional.of("POST"), response.header("allow"));
        assertEquals("method-not-allowed", response.body().get("error").asText());
        assertTrue(redis.published().isEmpty());
    }

    @Test
    void failedPublishIs502CarryingTheEvent() {
        redis.refuse();

        Http.Response response = post(TWO_LINES);

        assertEquals(502, response.status());
        JsonNode body = response.body();
        assertEquals("event-not-published", body.get("error").asText());
        assertEquals(
                "the order was processed but its event was not published: "
                        + "Redis refused or failed to publish to channel 'orders.events'",
                body.get("reason").asText());
        assertEquals("order-completed", body.at("/event/event").asText());
        assertEquals("o-1", body.at("/event/orderId").asText());
        assertEquals(5354, body.at("/event/totalCents").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis_address", "events_channel"})
    void missingVariableIs500BeforeTheOrderIsTouched(String variable) {
        Http.Response response = post(SpinVariables.orchestrator().without(variable), TWO_LINES);

        assertEquals(500, response.status());
        assertEquals(
                Http.json(
                        """
                        {"error":"configuration",
                         "reason":"Spin variable '%s' is not available (invalid-key: no variable named %s)"}\
                        """
                                .formatted(variable, variable)),
                response.body());
        assertTrue(redis.published().isEmpty());
    }

    @Test
    void oneInstanceServesManyRequests() {
        orchestrator = Guests.orchestrator(redis, SpinVariables.orchestrator(), stderr);
        for (int i = 0; i < 200; i++) {
            String order = TWO_LINES.replace("\"o-1\"", "\"o-" + i + "\"");
            Http.Response response =
                    i % 3 == 0
                            ? Http.call(orchestrator, "get", "/orders", Optional.empty())
                            : Http.post(orchestrator, "/orders", order);
            assertEquals(i % 3 == 0 ? 405 : 200, response.status(), "request " + i);
        }
        assertEquals(133, redis.published().size());
        assertEquals(
                1, orchestrator.liveInstanceSets(), "no call faulted and replaced its instances");
    }
}
