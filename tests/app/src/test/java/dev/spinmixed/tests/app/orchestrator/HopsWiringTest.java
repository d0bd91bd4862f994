package dev.spinmixed.tests.app.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.fermyon.spin.InboundRedis;
import dev.spinmixed.contracts.fermyon.spin.redis_types.Error;
import dev.spinmixed.linker.Composition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hops wiring on Chicory: the ingress and the three relays, each composed with its domain
 * component, and Java delivering every published message to the relay subscribed to its channel
 * (what Spin's Redis trigger does), with the channels and variables of apps/spin.toml.
 */
class HopsWiringTest {

    private static final String ADDRESS = SpinVariables.REDIS_ADDRESS;

    private final RecordingRedis redis = new RecordingRedis();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<Composition> guests = new ArrayList<>();
    private Composition ingress;
    private Composition validationRelay;
    private Composition pricingRelay;
    private Composition inventoryRelay;

    private Composition open(Composition guest) {
        guests.add(guest);
        return guest;
    }

    @BeforeEach
    void open() {
        ingress =
                open(
                        Guests.ingress(
                                redis,
                                SpinVariables.of(
                                        "redis_address",
                                        ADDRESS,
                                        "next_channel",
                                        "orders.validate"),
                                stderr));
        validationRelay =
                open(
                        Guests.validationRelay(
                                redis,
                                SpinVariables.of(
                                        "redis_address",
                                        ADDRESS,
                                        "next_channel",
                                        "orders.price",
                                        "events_channel",
                                        "orders.events"),
                                stderr));
        pricingRelay =
                open(
                        Guests.pricingRelay(
                                redis,
                                SpinVariables.of(
                                        "redis_address",
                                        ADDRESS,
                                        "next_channel",
                                        "orders.reserve",
                                        "events_channel",
                                        "orders.events"),
                                stderr));
        inventoryRelay =
                open(
                        Guests.inventoryRelay(
                                redis,
                                SpinVariables.of(
                                        "redis_address",
                                        ADDRESS,
                                        "events_channel",
                                        "orders.events"),
                                stderr));
    }

    @AfterEach
    void close() {
        guests.forEach(Composition::close);
    }

    /** What an order went through: the channels of its messages in order, and the final event. */
    private record Trip(List<String> channels, List<JsonNode> messages, JsonNode event) {}

    private static WitResult<Void, Error> handle(Composition relay, String payload) {
        return InboundRedis.exportedBy(relay)
                .handleMessage(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Delivers published messages to their relays until the order's event comes out. */
    private Trip deliver() {
        List<String> channels = new ArrayList<>();
        List<JsonNode> messages = new ArrayList<>();
        while (!redis.isEmpty()) {
            RecordingRedis.Message message = redis.take();
            assertEquals(ADDRESS, message.address());
            channels.add(message.channel());
            messages.add(Http.json(message.payload()));
            Composition relay =
                    switch (message.channel()) {
                        case "orders.validate" -> validationRelay;
                        case "orders.price" -> pricingRelay;
                        case "orders.reserve" -> inventoryRelay;
                        case "orders.events" -> null;
                        default ->
                                throw new AssertionError(
                                        "message on an unknown channel " + message.channel());
                    };
            if (relay == null) {
                assertTrue(redis.isEmpty(), "the event is the last message");
                return new Trip(channels, messages, messages.get(messages.size() - 1));
            }
            assertEquals(
                    WitResult.ok(null),
                    handle(relay, message.payload()),
                    message.channel() + ": " + stderr);
        }
        throw new AssertionError("no event came out; channels: " + channels);
    }

    /** The event the orchestrated wiring publishes for the same order. */
    private static JsonNode orchestratedEvent(String order) {
        RecordingRedis events = new RecordingRedis();
        try (Composition orchestrator =
                Guests.orchestrator(
                        events, SpinVariables.orchestrator(), new ByteArrayOutputStream())) {
            Http.post(orchestrator, "/orders", order);
        }
        assertEquals(1, events.published().size());
        return Http.json(events.published().get(0).payload());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    completed          | {"id":"o-1","customer":" Zoë ","region":"EU-DE","lines":[{"sku":"mug-0001","quantity":2,"unitPriceCents":1250}],"coupon":"WELCOME5"} | orders.validate orders.price orders.reserve orders.events | order-completed
                    rejected: validate | {"id":"o-2","customer":"Ada","region":"EU-DE","lines":[]} | orders.validate orders.events | order-rejected
                    rejected: price    | {"id":"o-3","customer":"Ada","region":"EU-DE","coupon":"SAVE10","lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250}]} | orders.validate orders.price orders.events | order-rejected
                    rejected: reserve  | {"id":"o-4","customer":"Ada","region":"EU-DE","lines":[{"sku":"BTL-0007","quantity":1,"unitPriceCents":100}]} | orders.validate orders.price orders.reserve orders.events | order-rejected
                    """)
    void orderHopsThroughTheChannelsToTheOrchestratorsEvent(
            String name, String order, String route, String event) {
        Http.Response accepted = Http.post(ingress, "/hops/orders", order);

        assertEquals(202, accepted.status());
        String orderId = Http.json(order).get("id").asText();
        assertEquals(Http.JSON.createObjectNode().put("orderId", orderId), accepted.body());
        Trip trip = deliver();
        assertEquals(List.of(route.split(" ")), trip.channels());
        assertEquals(event, trip.event().get("event").asText());
        assertEquals(orchestratedEvent(order), trip.event());
    }

    @Test
    void eachHopCarriesTheStepsResult() {
        Http.post(
                ingress,
                "/hops/orders",
                """
                {"id":"o-5","customer":" Ada ","region":"US-CA",
                 "lines":[{"sku":"tee-0002","quantity":3,"unitPriceCents":2000}]}\
                """);

        List<JsonNode> messages = deliver().messages();

        assertEquals(
                Http.json(
                        """
                        {"id":"o-5","customer":" Ada ","region":"US-CA",
                         "lines":[{"sku":"tee-0002","quantity":3,"unitPriceCents":2000}],"coupon":null}\
                        """),
                messages.get(0));
        assertEquals(
                Http.json(
                        """
                        {"id":"o-5","customer":"Ada","region":"US-CA",
                         "lines":[{"sku":"TEE-0002","quantity":3,"unitPriceCents":2000}],"coupon":null}\
                        """),
                messages.get(1));
        // US-CA tax 7.25% of 6000 = 435.
        assertEquals(
                Http.json(
                        """
                        {"orderId":"o-5","customer":"Ada","region":"US-CA",
                         "lines":[{"sku":"TEE-0002","quantity":3,"unitPriceCents":2000,"lineTotalCents":6000,"discountCents":0}],
                         "coupon":null,"subtotalCents":6000,"discountCents":0,"taxCents":435,"totalCents":6435}\
                        """),
                messages.get(2));
    }

    @Test
    void ingressRefusesWhatIsNotAnOrder() {
        Http.Response notJson = Http.post(ingress, "/hops/orders", "{\"id\":");
        Http.Response malformed = Http.post(ingress, "/hops/orders", "{\"id\":\"o\",\"lines\":{}}");
        Http.Response get = Http.call(ingress, "get", "/hops/orders", Optional.empty());

        assertEquals(400, notJson.status());
        assertEquals("not-json", notJson.body().get("error").asText());
        assertEquals(400, malformed.status());
        assertEquals(
                Http.json(
                        "{\"error\":\"malformed-order\",\"field\":\"customer\",\"reason\":\"is"
                                + " required\"}"),
                malformed.body());
        assertEquals(405, get.status());
        assertEquals(Optional.of("POST"), get.header("allow"));
        assertTrue(redis.published().isEmpty());
    }

    @Test
    void ingressSays502WhenTheOrderCannotBePublished() {
        redis.refuse();

        Http.Response response =
                Http.post(
                        ingress,
                        "/hops/orders",
                        "{\"id\":\"o-6\",\"customer\":\"Ada\",\"region\":\"EU-DE\",\"lines\":[]}");

        assertEquals(502, response.status());
        assertEquals(
                Http.json(
                        """
                        {"error":"order-not-published",
                         "reason":"Redis refused or failed to publish to channel 'orders.validate'"}\
                        """),
                response.body());
    }

    @Test
    void ingressWithoutItsChannelVariableIs500() {
        try (Composition unconfigured =
                Guests.ingress(redis, SpinVariables.of("redis_address", ADDRESS), stderr)) {
            Http.Response response = Http.post(unconfigured, "/hops/orders", "{}");

            assertEquals(500, response.status());
            assertEquals("configuration", response.body().get("error").asText());
        }
    }

    @Test
    void relayReturnsTheErrorCaseForAMessageThatIsNotAnOrder() {
        assertEquals(WitResult.err(Error.ERROR), handle(validationRelay, "not json"));
        assertEquals(WitResult.err(Error.ERROR), handle(inventoryRelay, "{\"id\":\"o-7\"}"));

        assertTrue(redis.published().isEmpty());
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(
                log.contains(
                        "validate relay: the message is not an order: not JSON: "
                                + "unexpected character, expected a value at byte 0"),
                log);
        assertTrue(
                log.contains("reserve relay: the message is not a priced order: id: unknown field"),
                log);
    }

    @Test
    void relayReturnsTheErrorCaseWhenItCannotPublish() {
        redis.refuse();

        assertEquals(
                WitResult.err(Error.ERROR),
                handle(
                        validationRelay,
                        "{\"id\":\"o-8\",\"customer\":\"Ada\",\"region\":\"EU-DE\",\"lines\":[]}"));
        assertTrue(
                stderr.toString(StandardCharsets.UTF_8)
                        .contains(
                                "validate relay: Redis refused or failed to publish to channel"
                                        + " 'orders.events'"));
    }
}
