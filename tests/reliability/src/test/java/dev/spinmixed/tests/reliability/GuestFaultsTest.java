package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.SpinHostCli;
import dev.spinmixed.host.runtime.GuestLimits;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.spinapp.AppLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components that trap, loop forever or grow their memory without bound (src/test/wat/hog.wat,
 * wired twice with different per-component limits): each such request ends with a 500 within the
 * component's deadline and memory cap, its instance set is discarded, and the next request
 * succeeds. With one instance per component, a request after a fault can only succeed if the faulty
 * instance really went away.
 */
@ExtendWith(SummaryExtension.class)
class GuestFaultsTest {

    static final String SECTION = "guest-faults";
    static final Duration TIGHT_DEADLINE = Duration.ofMillis(800);
    static final Duration LOOSE_DEADLINE = Duration.ofMillis(2500);

    /** 1 MiB: below the 2 MiB that hog's POST grows by. */
    static final long TIGHT_MEMORY = 1024 * 1024;

    static final long LOOSE_MEMORY = 8 * 1024 * 1024;

    static LocalApp app;
    static Path manifest;
    static Summary summary;

    @BeforeAll
    static void start(@TempDir Path dir, Summary s) throws Exception {
        summary = s;
        Files.writeString(
                dir.resolve("guests.tsv"), "hog\tsrc/test/wat/hog.wat\thops-ingress\twat\n");
        manifest = dir.resolve("spin.toml");
        Files.writeString(
                manifest,
                """
                spin_manifest_version = 2
                [application]
                name = "hogs"
                [[trigger.http]]
                route = "/tight/..."
                component = "tight"
                [[trigger.http]]
                route = "/loose/..."
                component = "loose"
                [component.tight]
                source = "hog.wasm"
                [component.loose]
                source = "hog.wasm"
                """);
        AppLayout layout =
                new AppLayout(
                        dir,
                        LocalApp.testGuests(),
                        LocalApp.appsDir().resolve("wit"),
                        dir.resolve("guests.tsv"));
        GuestLimits limits =
                new GuestLimits(
                        Duration.ofSeconds(30),
                        64L * 1024 * 1024,
                        Map.of("tight", TIGHT_DEADLINE, "loose", LOOSE_DEADLINE),
                        Map.of("tight", TIGHT_MEMORY, "loose", LOOSE_MEMORY));
        app = LocalApp.start(manifest, layout, Optional.empty(), limits, ExecutionMode.COMPILED, 1);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    HttpResponse<String> call(String component, String method) throws Exception {
        return app.send(
                HttpRequest.newBuilder(app.base.resolve("/" + component + "/x"))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    void answersOk(String component) throws Exception {
        HttpResponse<String> ok = call(component, "GET");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("ok\n", ok.body());
    }

    void fault(String kind) {
        summary.add(SECTION, kind + " injected", 1);
    }

    @Test
    void aTrapIs500AndTheNextRequestSucceeds() throws Exception {
        for (String component : new String[] {"tight", "loose"}) {
            answersOk(component);
            HttpResponse<String> trapped = call(component, "DELETE");
            fault("traps");
            assertEquals(500, trapped.statusCode());
            assertEquals("", trapped.body(), "Spin's 500 has no body; the reason is logged");
            answersOk(component);
        }
    }

    @Test
    void anEndlessLoopEndsAtTheComponentsOwnDeadline() throws Exception {
        for (var limit : Map.of("tight", TIGHT_DEADLINE, "loose", LOOSE_DEADLINE).entrySet()) {
            long start = System.nanoTime();
            HttpResponse<String> stuck = call(limit.getKey(), "PATCH");
            long millis = (System.nanoTime() - start) / 1_000_000;
            fault("endless loops");
            assertEquals(500, stuck.statusCode());
            assertEquals("", stuck.body());
            assertTrue(
                    millis >= limit.getValue().toMillis(),
                    limit.getKey() + " answered after " + millis + " ms, before its deadline");
            // The interrupted call gives its instance back only once it has really stopped.
            answersOk(limit.getKey());
            summary.put(
                    SECTION,
                    "deadline " + limit.getKey() + " (ms): configured / answered",
                    limit.getValue().toMillis() + " / " + millis);
        }
    }

    @Test
    void unboundedMemoryGrowthStopsAtTheCapAndIs500() throws Exception {
        for (String component : new String[] {"tight", "loose"}) {
            HttpResponse<String> hog = call(component, "PUT");
            fault("unbounded memory growths");
            assertEquals(500, hog.statusCode());
            assertEquals("", hog.body());
            answersOk(component);
        }
    }

    @Test
    void theMemoryCapIsPerComponent() throws Exception {
        HttpResponse<String> tight = call("tight", "POST");
        fault("growths over the cap");
        assertEquals(500, tight.statusCode(), "a 2 MiB growth must not fit a 1 MiB cap");
        HttpResponse<String> loose = call("loose", "POST");
        assertEquals(200, loose.statusCode(), "a 2 MiB growth fits an 8 MiB cap: " + loose.body());
        assertEquals("grew\n", loose.body());
        answersOk("tight");
    }

    @Test
    void faultyInstancesAreDiscardedNotPooled() throws Exception {
        for (int i = 0; i < 5; i++) {
            call("tight", "DELETE");
            call("loose", "PUT");
            fault("traps");
            fault("unbounded memory growths");
        }
        answersOk("tight");
        answersOk("loose");
        assertEquals(
                Map.of("tight", 1, "loose", 1),
                app.runtime.liveInstanceSets(),
                "one pooled instance set per component, none leaked");
    }

    @Test
    void theCommandLineRefusesALimitForAComponentTheAppDoesNotTrigger() {
        StringWriter err = new StringWriter();
        int code =
                SpinHostCli.commandLine()
                        .setErr(new PrintWriter(err))
                        .execute(
                                "up",
                                "--from",
                                manifest.toString(),
                                "--app-dir",
                                manifest.getParent().toString(),
                                "--listen",
                                "127.0.0.1:0",
                                "--component-deadline",
                                "nope=PT1S",
                                "--component-max-memory",
                                "tight=1048576");
        assertEquals(1, code);
        assertTrue(
                err.toString().contains("[nope]") && err.toString().contains("[tight, loose]"),
                err.toString());
    }
}
