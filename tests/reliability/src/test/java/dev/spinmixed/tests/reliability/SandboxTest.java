package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.spinapp.AppLayout;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox the host gives a component, as Spin does: WASI with no preopened directory and no
 * environment (not the host's, and not spin.toml's {@code environment}, which this host does not
 * pass), a clock and randomness; outbound Redis only to {@code allowed_outbound_hosts}. A guest
 * (src/test/c/sandbox.c) that tries more is refused, and says so in its answer.
 */
@ExtendWith(SummaryExtension.class)
class SandboxTest {

    /** WASI errno {@code badf}: fd 3 is not a preopened directory, because there is none. */
    static final int EBADF = 8;

    @Test
    void aComponentThatTriesMoreThanSpinGrantsIsRefused(@TempDir Path dir, Summary summary)
            throws Exception {
        Files.writeString(
                dir.resolve("guests.tsv"), "sandbox\tsrc/test/c/sandbox.c\thops-ingress\tc\n");
        Path manifest = dir.resolve("spin.toml");
        Files.writeString(
                manifest,
                """
                spin_manifest_version = 2
                [application]
                name = "sandbox"
                [[trigger.http]]
                route = "/probe"
                component = "sandbox"
                [component.sandbox]
                source = "sandbox.wasm"
                allowed_outbound_hosts = ["redis://127.0.0.1:6379"]
                environment = { SECRET = "must-not-reach-the-guest" }
                """);
        AppLayout layout =
                new AppLayout(
                        dir,
                        LocalApp.testGuests(),
                        LocalApp.appsDir().resolve("wit"),
                        dir.resolve("guests.tsv"));
        try (LocalApp app =
                LocalApp.start(
                        manifest,
                        layout,
                        Optional.empty(),
                        GuestLimits.uniform(
                                Duration.ofSeconds(30), LinkedRuntime.DEFAULT_MAX_MEMORY_BYTES),
                        ExecutionMode.INTERPRETER,
                        1)) {
            HttpResponse<String> probe =
                    app.send(HttpRequest.newBuilder(app.base.resolve("/probe")).GET());
            assertEquals(200, probe.statusCode(), probe.body());
            Map<String, Integer> got = parse(probe.body());

            assertEquals(EBADF, got.get("prestat"), "no preopened directory: " + probe.body());
            assertNotEquals(0, got.get("open"), "a host file cannot be opened: " + probe.body());
            assertEquals(0, got.get("environ"), "no environment variables at all: " + probe.body());
            assertEquals(
                    0, got.get("entropy"), "randomness is granted, as under Spin: " + probe.body());
            assertEquals(
                    0, got.get("allowed"), "publishing to the allowed host works: " + probe.body());
            assertEquals(
                    1,
                    got.get("denied"),
                    "publishing to a host not in allowed_outbound_hosts is refused: "
                            + probe.body());
            List<EventSink.Event> events = app.app.sink().events();
            assertEquals(1, events.size(), "only the allowed publish went out");
            assertEquals("probe", new String(events.get(0).payload(), StandardCharsets.UTF_8));

            summary.put(
                    "sandbox",
                    "attempts refused",
                    "preopened dir, host file, environment, redis to a host not allowed (4 of 4)");
            summary.put(
                    "sandbox",
                    "granted as in Spin",
                    "clock, randomness, redis to allowed_outbound_hosts");
            summary.put("sandbox", "guest's report", probe.body().strip());
        }
    }

    private static Map<String, Integer> parse(String body) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String pair : body.strip().split(" ")) {
            String[] kv = pair.split("=");
            out.put(kv[0], Integer.parseInt(kv[1]));
        }
        return out;
    }
}
