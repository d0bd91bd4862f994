package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.redis.RedisTriggerException;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.runtime.FailedGuestCall;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.tests.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisServerExtension.class)
class RedisTriggerRunnerTest {

    /** Records messages; "trap" fails with a fault, "err" answers err. */
    static class RecordingGuests implements GuestRuntime {
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
                throw new FailedGuestCall("wasm trap: unreachable", null);
            }
            return !text.equals("err");
        }

        @Override
        public void close() {}
    }

    static final Duration NO_DEADLINE = Duration.ofDays(1);

    static RedisTriggerRunner runner(
            GuestRuntime guests, boolean reconnect, RedisTriggerRunner.Subscription... subs) {
        return new RedisTriggerRunner(guests, List.of(subs), c -> NO_DEADLINE, reconnect);
    }

    @Test
    void eachMessageReachesEveryBoundComponentInOrderAndFailuresAreDropped(RedisServer redis)
            throws Exception {
        RecordingGuests guests = new RecordingGuests(7);
        try (RedisTriggerRunner runner =
                        runner(
                                guests,
                                false,
                                new RedisTriggerRunner.Subscription(redis.url(), "a", "first"),
                                new RedisTriggerRunner.Subscription(redis.url(), "a", "second"),
                                new RedisTriggerRunner.Subscription(redis.url(), "b", "other"));
                Jedis j = new Jedis("127.0.0.1", redis.port())) {
            runner.start();
            assertTrue(runner.awaitSubscribed(Duration.ofSeconds(5)), "subscribed");
            j.publish("a", "1");
            j.publish("a", "trap");
            j.publish("b", "err");
            j.publish("a", "2");
            assertTrue(
                    guests.done.await(5, TimeUnit.SECONDS), "all messages handled: " + guests.seen);
            // The components of one channel get a message at the same time (Spin's join_all); each
            // sees the channel's messages in order.
            assertEquals(
                    List.of("first:1", "first:trap", "first:2"),
                    guests.seen.stream().filter(m -> m.startsWith("first:")).toList());
            assertEquals(
                    List.of("second:1", "second:trap", "second:2"),
                    guests.seen.stream().filter(m -> m.startsWith("second:")).toList());
            assertEquals(
                    List.of("other:err"),
                    guests.seen.stream().filter(m -> m.startsWith("other:")).toList());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runner.handled() + runner.failed() < 7 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(4, runner.handled());
            assertEquals(3, runner.failed());
        }
    }

    @Test
    void theComponentsOfAChannelHandleAMessageAtTheSameTime(RedisServer redis) throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        List<Boolean> together = new CopyOnWriteArrayList<>();
        GuestRuntime meeting =
                new RecordingGuests(0) {
                    @Override
                    public boolean handleMessage(String componentId, byte[] message) {
                        bothInside.countDown();
                        try {
                            together.add(bothInside.await(5, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return true;
                    }
                };
        try (RedisTriggerRunner runner =
                        runner(
                                meeting,
                                false,
                                new RedisTriggerRunner.Subscription(redis.url(), "m", "one"),
                                new RedisTriggerRunner.Subscription(redis.url(), "m", "two"));
                Jedis j = new Jedis("127.0.0.1", redis.port())) {
            runner.start();
            assertTrue(runner.awaitSubscribed(Duration.ofSeconds(5)), "subscribed");
            j.publish("m", "hello");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runner.handled() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(List.of(true, true), together);
        }
    }

    @Test
    void aLostConnectionEndsTheTriggerAsSpinsDoes() throws Exception {
        RedisServer redis = RedisServer.start();
        try (RedisTriggerRunner runner =
                runner(
                        new RecordingGuests(0),
                        false,
                        new RedisTriggerRunner.Subscription(redis.url(), "c", "comp"))) {
            runner.start();
            assertTrue(runner.awaitSubscribed(Duration.ofSeconds(5)), "subscribed");
            redis.stop();
            var ended =
                    assertThrows(
                            ExecutionException.class,
                            () -> runner.ended().get(10, TimeUnit.SECONDS));
            assertInstanceOf(RedisTriggerException.class, ended.getCause());
            assertTrue(
                    ended.getCause()
                            .getMessage()
                            .startsWith(
                                    "Redis trigger: disconnected from 127.0.0.1:" + redis.port()),
                    ended.getCause().getMessage());
        } finally {
            redis.close();
        }
    }

    @Test
    void aRedisThatIsNotThereEndsTheTriggerAtOnce() throws Exception {
        int port = RedisServer.freePort();
        try (RedisTriggerRunner runner =
                runner(
                        new RecordingGuests(0),
                        false,
                        new RedisTriggerRunner.Subscription(
                                "redis://127.0.0.1:" + port, "c", "comp"))) {
            runner.start();
            var ended =
                    assertThrows(
                            ExecutionException.class,
                            () -> runner.ended().get(10, TimeUnit.SECONDS));
            assertTrue(
                    ended.getCause()
                            .getMessage()
                            .startsWith("Redis trigger failed to connect to 127.0.0.1:" + port),
                    ended.getCause().getMessage());
        }
    }

    @Test
    void withReconnectTheTriggerSurvivesARedisRestartAndResubscribes() throws Exception {
        RecordingGuests guests = new RecordingGuests(2);
        RedisServer redis = RedisServer.start();
        int port = redis.port();
        try (RedisTriggerRunner runner =
                runner(
                        guests,
                        true,
                        new RedisTriggerRunner.Subscription(redis.url(), "c", "comp"))) {
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
            assertTrue(!runner.ended().isDone(), "the trigger did not end");
        } finally {
            redis.close();
        }
    }
}
