package dev.spinmixed.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.runtime.GuestFault;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.testsupport.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisServerExtension.class)
class RedisTriggerRunnerTest {

    /** Records messages; "trap" fails with a fault, "err" answers err. */
    static final class RecordingGuests implements GuestRuntime {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch done;

        RecordingGuests(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public GuestResponse handleRequest(String componentId, GuestRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean handleMessage(String componentId, byte[] message) {
            String text = new String(message, StandardCharsets.UTF_8);
            seen.add(componentId + ":" + text);
            done.countDown();
            if (text.equals("trap")) {
                throw new GuestFault("wasm trap: unreachable", null);
            }
            return !text.equals("err");
        }

        @Override
        public void close() {}
    }

    @Test
    void eachMessageReachesEveryBoundComponentInOrderAndFailuresAreCounted(RedisServer redis)
            throws Exception {
        RecordingGuests guests = new RecordingGuests(7);
        try (RedisTriggerRunner runner =
                        new RedisTriggerRunner(
                                guests,
                                List.of(
                                        new RedisTriggerRunner.Subscription(
                                                redis.url(), "a", "first"),
                                        new RedisTriggerRunner.Subscription(
                                                redis.url(), "a", "second"),
                                        new RedisTriggerRunner.Subscription(
                                                redis.url(), "b", "other")));
                Jedis j = new Jedis("127.0.0.1", redis.port())) {
            runner.start();
            assertTrue(runner.awaitSubscribed(Duration.ofSeconds(5)), "subscribed");
            j.publish("a", "1");
            j.publish("a", "trap");
            j.publish("b", "err");
            j.publish("a", "2");
            assertTrue(
                    guests.done.await(5, TimeUnit.SECONDS), "all messages handled: " + guests.seen);
            assertEquals(
                    List.of(
                            "first:1",
                            "second:1",
                            "first:trap",
                            "second:trap",
                            "other:err",
                            "first:2",
                            "second:2"),
                    guests.seen);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runner.handled() + runner.failed() < 7 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(4, runner.handled());
            assertEquals(3, runner.failed());
        }
    }

    @Test
    void theTriggerSurvivesARedisRestartAndResubscribes() throws Exception {
        RecordingGuests guests = new RecordingGuests(2);
        RedisServer redis = RedisServer.start();
        int port = redis.port();
        try (RedisTriggerRunner runner =
                new RedisTriggerRunner(
                        guests,
                        List.of(new RedisTriggerRunner.Subscription(redis.url(), "c", "comp")))) {
            runner.start();
            assertTrue(runner.awaitSubscribed(Duration.ofSeconds(5)), "subscribed");
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                j.publish("c", "before");
            }
            redis.close();
            redis = RedisServer.start(port);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // Pub/sub is at-most-once: publish until the resubscribed trigger sees one.
            while (!guests.seen.contains("comp:after") && System.nanoTime() < until) {
                try (Jedis j = new Jedis("127.0.0.1", port)) {
                    j.publish("c", "after");
                }
                Thread.sleep(200);
            }
            assertTrue(
                    guests.seen.contains("comp:before") && guests.seen.contains("comp:after"),
                    guests.seen.toString());
        } finally {
            redis.close();
        }
    }
}
