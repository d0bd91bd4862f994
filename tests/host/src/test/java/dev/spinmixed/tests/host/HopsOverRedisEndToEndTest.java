package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.tests.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

/**
 * The built Orders app with a real redis-server: a hops order travels ingress -> validate channel
 * -> relay -> price channel -> relay -> reserve channel -> relay, and its final event is observed
 * on the events channel; the orchestrated route publishes its event there too.
 */
@ExtendWith(RedisServerExtension.class)
class HopsOverRedisEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static RunningApp app;
    static final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    static BinaryJedisPubSub listener;
    static Thread listening;

    @BeforeAll
    static void start(RedisServer redis) throws Exception {
        listener =
                new BinaryJedisPubSub() {
                    @Override
                    public void onMessage(byte[] channel, byte[] message) {
                        try {
                            events.add(JSON.readTree(new String(message, StandardCharsets.UTF_8)));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("not JSON on the events channel", e);
                        }
                    }
                };
        listening =
                new Thread(
                        () -> {
                            try (Jedis j = new Jedis("127.0.0.1", redis.port())) {
                                j.subscribe(
                                        listener, "orders.events".getBytes(StandardCharsets.UTF_8));
                            }
                        });
        listening.start();
        app = RunningApp.orders(Optional.of(redis.url()));
        assertTrue(
                app.app.redisTrigger().orElseThrow().awaitSubscribed(Duration.ofSeconds(10)),
                "the Redis trigger subscribed");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!listener.isSubscribed() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (listener != null && listener.isSubscribed()) {
            listener.unsubscribe();
        }
        if (listening != null) {
            listening.join(5000);
        }
    }

    static JsonNode nextEvent(String orderId) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            JsonNode e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && orderId.equals(e.get("orderId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no event for order " + orderId + " on orders.events within 30 s");
    }

    @Test
    void aHopsOrderFlowsThroughRedisAndItsFinalEventArrivesOnTheEventsChannel() throws Exception {
        var response =
                app.post("/hops/orders", OrdersAppEndToEndTest.ORDER.replace("o-1001", "o-hops-1"));
        assertEquals(202, response.statusCode(), response.body());
        assertEquals("o-hops-1", JSON.readTree(response.body()).get("orderId").asText());
        JsonNode event = nextEvent("o-hops-1");
        assertEquals("order-completed", event.get("event").asText(), event.toString());
        assertEquals(4759, event.get("totalCents").asLong());
    }

    @Test
    void aHopsOrderRejectedOnTheWayReportsTheStepOnTheEventsChannel() throws Exception {
        var response =
                app.post(
                        "/hops/orders",
                        OrdersAppEndToEndTest.ORDER
                                .replace("o-1001", "o-hops-2")
                                .replace("WELCOME5", "BOGUS99"));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode event = nextEvent("o-hops-2");
        assertEquals("order-rejected", event.get("event").asText(), event.toString());
        assertEquals("price", event.get("step").asText(), event.toString());
    }

    @Test
    void theOrchestratedRoutePublishesItsEventToRealRedis() throws Exception {
        var response =
                app.post("/orders", OrdersAppEndToEndTest.ORDER.replace("o-1001", "o-orch-1"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("order-completed", nextEvent("o-orch-1").get("event").asText());
        assertTrue(
                app.app.sink().events().isEmpty(),
                "nothing goes to the in-memory sink with a real Redis");
    }
}
