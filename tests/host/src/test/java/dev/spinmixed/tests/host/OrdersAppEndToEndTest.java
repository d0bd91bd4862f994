package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built Orders app (apps/target/oci/spin.toml, the same wasm as the image) in the embedded
 * default: no Redis. The orchestrated route works end to end, its final event lands in the
 * in-memory sink, and the hops route answers 503 saying it needs Redis.
 */
class OrdersAppEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static RunningApp app;

    static final String ORDER =
            """
            {"id":"o-1001","customer":"Zoë Müller","region":"EU-DE",
             "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250},{"sku":"TEE-0002","quantity":1,"unitPriceCents":1999}],
             "coupon":"WELCOME5"}\
            """;

    @BeforeAll
    static void start() {
        app = RunningApp.orders(Optional.empty());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anOrchestratedOrderIsAcceptedWithItsTotalsAndItsEventGoesToTheSink() throws Exception {
        int eventsBefore = app.app.sink().events().size();
        var response = app.post("/orders", ORDER);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("o-1001", body.get("orderId").asText());
        assertEquals(4499, body.get("subtotalCents").asLong());
        assertEquals(500, body.get("discountCents").asLong());
        assertEquals(760, body.get("taxCents").asLong());
        assertEquals(4759, body.get("totalCents").asLong());
        assertEquals(118, body.at("/reservation/lines/0/remaining").asInt());

        var events = app.app.sink().events();
        assertEquals(eventsBefore + 1, events.size());
        assertEquals("orders.events", events.get(events.size() - 1).channel());
        JsonNode event =
                JSON.readTree(
                        new String(
                                events.get(events.size() - 1).payload(), StandardCharsets.UTF_8));
        assertEquals("order-completed", event.get("event").asText());
        assertEquals(4759, event.get("totalCents").asLong());
    }

    static JsonNode rejected(String order, String step) throws Exception {
        var response = app.post("/orders", order);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(step, body.get("step").asText(), response.body());
        assertTrue(body.get("problems").size() > 0, response.body());
        return body;
    }

    @Test
    void anInvalidOrderIsRejectedByTheValidateStep() throws Exception {
        JsonNode body =
                rejected(ORDER.replaceAll("\"lines\":\\[.*\\],", "\"lines\":[],"), "validate");
        assertEquals("lines", body.at("/problems/0/field").asText());
    }

    @Test
    void anUnknownCouponIsRejectedByThePriceStep() throws Exception {
        JsonNode body = rejected(ORDER.replace("WELCOME5", "BOGUS99"), "price");
        assertEquals("coupon", body.at("/problems/0/field").asText());
    }

    @Test
    void anItemOutOfStockIsRejectedByTheReserveStep() throws Exception {
        JsonNode body = rejected(ORDER.replace("MUG-0001", "BTL-0007"), "reserve");
        assertTrue(body.at("/problems/0/reason").asText().contains("BTL-0007"), body.toString());
    }

    @Test
    void badJsonIs400SayingWhy() throws Exception {
        var response = app.post("/orders", "{\"id\": ");
        assertEquals(400, response.statusCode());
        assertEquals(
                "not-json", JSON.readTree(response.body()).get("error").asText(), response.body());
    }

    @Test
    void aBodyOverTheHostsLimitIs413WithAnEmptyBody() throws Exception {
        var response = app.post("/orders", "x".repeat(2 * 1024 * 1024));
        assertEquals(413, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void aWrongMethodIs405SayingWhy() throws Exception {
        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/orders")).GET());
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("allow").orElseThrow());
        assertEquals(
                "method-not-allowed",
                JSON.readTree(response.body()).get("error").asText(),
                response.body());
    }

    @Test
    void anUnknownRouteIs404WithAnEmptyBodyAsInSpin() throws Exception {
        var response = app.post("/nowhere", ORDER);
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void withoutRedisTheHopsRouteAnswers503() throws Exception {
        var response = app.post("/hops/orders", ORDER);
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("", response.body());
    }

    @Test
    void concurrentOrdersAreServedOnSeparateInstances() throws Exception {
        var requests =
                java.util.stream.IntStream.range(0, 6)
                        .mapToObj(
                                i ->
                                        app.client.sendAsync(
                                                HttpRequest.newBuilder(app.base.resolve("/orders"))
                                                        .POST(
                                                                HttpRequest.BodyPublishers.ofString(
                                                                        ORDER.replace(
                                                                                "o-1001",
                                                                                "o-c" + i)))
                                                        .build(),
                                                java.net.http.HttpResponse.BodyHandlers.ofString()))
                        .toList();
        for (int i = 0; i < requests.size(); i++) {
            var r = requests.get(i).get();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("o-c" + i, JSON.readTree(r.body()).get("orderId").asText());
        }
    }
}
