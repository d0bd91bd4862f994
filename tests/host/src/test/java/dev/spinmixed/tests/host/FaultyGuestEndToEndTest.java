package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.spinapp.AppLayout;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults in a real wasm guest (src/test/wat/faulty.wat, built by this module's build) on the real
 * linker: a trap, an out-of-range status and a guest stuck in a loop each give a 500 with an empty
 * body (as Spin answers; the reason is logged), and the component keeps answering afterwards.
 */
class FaultyGuestEndToEndTest {

    static RunningApp app;
    static Path manifest;
    static AppLayout layout;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path guests =
                Path.of(System.getProperty("test.guests", "target/test-guests")).toAbsolutePath();
        Files.writeString(
                dir.resolve("guests.tsv"), "faulty\tsrc/test/wat/faulty.wat\thops-ingress\twat\n");
        Files.writeString(
                dir.resolve("spin.toml"),
                """
                spin_manifest_version = 2
                [application]
                name = "faulty"
                [[trigger.http]]
                route = "/faulty/..."
                component = "faulty"
                [component.faulty]
                source = "faulty.wasm"
                """);
        layout =
                new AppLayout(
                        dir,
                        guests,
                        RunningApp.appsDir().resolve("wit"),
                        dir.resolve("guests.tsv"));
        manifest = dir.resolve("spin.toml");
        // One instance: a request after a fault can only succeed if the faulty instance was
        // discarded
        // and, after a deadline, the stuck call really stopped.
        app =
                RunningApp.start(
                        manifest,
                        layout,
                        Optional.empty(),
                        Duration.ofSeconds(2),
                        Map.of(),
                        dev.spinmixed.linker.ExecutionMode.INTERPRETER,
                        1);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HttpRequest.Builder request(RunningApp on, String method) {
        return HttpRequest.newBuilder(on.base.resolve("/faulty/x"))
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    HttpRequest.Builder request(String method) {
        return request(app, method);
    }

    void answersOk() throws Exception {
        answersOk(app);
    }

    static void answersOk(RunningApp on) throws Exception {
        var ok = on.send(request(on, "GET"));
        assertEquals(200, ok.statusCode());
        assertEquals("ok\n", ok.body());
    }

    @Test
    void aTrapIs500WithAnEmptyBodyAndTheNextRequestSucceeds() throws Exception {
        answersOk();
        var trapped = app.send(request("DELETE"));
        assertEquals(500, trapped.statusCode());
        assertEquals("", trapped.body());
        answersOk();
    }

    @Test
    void aStatusOutOfRangeIs500() throws Exception {
        var response = app.send(request("PUT"));
        assertEquals(500, response.statusCode());
        assertEquals("", response.body());
        answersOk();
    }

    @Test
    void aGuestStuckPastTheDeadlineIs500AndTheComponentRecovers() throws Exception {
        var response = app.send(request("PATCH"));
        assertEquals(500, response.statusCode());
        assertEquals("", response.body());
        answersOk();
    }

    @Test
    void compiledGuestsTrapAndOverrunTheDeadlineTheSameWay() throws Exception {
        try (RunningApp compiled =
                RunningApp.start(
                        manifest,
                        layout,
                        Optional.empty(),
                        Duration.ofSeconds(2),
                        Map.of(),
                        dev.spinmixed.linker.ExecutionMode.COMPILED,
                        1)) {
            answersOk(compiled);
            assertEquals(500, compiled.send(request(compiled, "DELETE")).statusCode());
            var stuck = compiled.send(request(compiled, "PATCH"));
            assertEquals(500, stuck.statusCode());
            assertEquals("", stuck.body());
            answersOk(compiled);
        }
    }

    @Test
    void aMethodOutsideTheWitEnumIs405() throws Exception {
        var response = app.send(request("TRACE"));
        assertEquals(405, response.statusCode());
        assertEquals("", response.body());
    }
}
