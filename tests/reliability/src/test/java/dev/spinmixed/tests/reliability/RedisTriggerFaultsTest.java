package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.redis.RedisTriggerRunner;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.tests.support.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A Redis-triggered component that loops forever or traps (src/test/wat/stuck-relay.wat) does not
 * stop its channel: the looping call is interrupted at the component's deadline, the trap is
 * counted, and the next message is handled, on a fresh instance.
 */
@ExtendWith(SummaryExtension.class)
class RedisTriggerFaultsTest {

    static final Duration DEADLINE = Duration.ofMillis(800);

    @Test
    void aStuckOrTrappingHandlerDoesNotStopItsChannel(@TempDir Path dir, Summary summary)
            throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Files.writeString(
                    dir.resolve("guests.tsv"),
                    "stuck-relay\tsrc/test/wat/stuck-relay.wat\tvalidation-relay\twat\n");
            Path manifest = dir.resolve("spin.toml");
            Files.writeString(
                    manifest,
                    """
                    spin_manifest_version = 2
                    [application]
                    name = "stuck"
                    [application.trigger.redis]
                    address = "%s"
                    [[trigger.redis]]
                    channel = "work"
                    component = "relay"
                    [component.relay]
                    source = "stuck-relay.wasm"
                    """
                            .formatted(redis.url()));
            AppLayout layout =
                    new AppLayout(
                            dir,
                            LocalApp.testGuests(),
                            LocalApp.appsDir().resolve("wit"),
                            dir.resolve("guests.tsv"));
            GuestLimits limits =
                    new GuestLimits(
                            Duration.ofSeconds(30),
                            LinkedRuntime.DEFAULT_MAX_MEMORY_BYTES,
                            Map.of("relay", DEADLINE),
                            Map.of());
            try (LocalApp app =
                            LocalApp.start(
                                    manifest,
                                    layout,
                                    Optional.of(redis.url()),
                                    limits,
                                    ExecutionMode.INTERPRETER,
                                    1);
                    Jedis publisher = new Jedis("127.0.0.1", redis.port())) {
                RedisTriggerRunner trigger = app.app.redisTrigger().orElseThrow();
                assertTrue(trigger.awaitSubscribed(Duration.ofSeconds(10)));
                long start = System.nanoTime();
                publisher.publish("work", "Loop forever");
                publisher.publish("work", "Trap");
                publisher.publish("work", "ok");
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (trigger.handled() + trigger.failed() < 3 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1, trigger.handled(), "the message after the faults was handled");
                assertEquals(
                        2,
                        trigger.failed(),
                        "the endless loop and the trap were counted as failed");
                assertTrue(millis >= DEADLINE.toMillis(), "the loop ran until its deadline");
                assertEquals(
                        Map.of("relay", 1),
                        app.runtime.liveInstanceSets(),
                        "the faulty instances were discarded, one pooled set remains");
                summary.put(
                        "guest-faults", "redis-trigger handler faults injected (loop, trap)", 2);
                summary.put(
                        "guest-faults",
                        "redis-trigger channel kept going (ms for 3 messages)",
                        millis);
            }
        }
    }
}
