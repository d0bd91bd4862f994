package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.spinapp.AppLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code { path = "…" }} dependencies link the same way as {@code { component = "…" }} ones. */
class DependencyByPathTest {

    @Test
    void theOrchestratorLinksItsDependenciesGivenByPath(@TempDir Path dir) throws Exception {
        Path oci = RunningApp.appsDir().resolve("target/oci");
        String manifest =
                Files.readString(oci.resolve("spin.toml"))
                        .replace(
                                "{ component = \"validation\" }",
                                "{ path = \"" + oci.resolve("validation.wasm") + "\" }")
                        .replace(
                                "{ component = \"pricing\" }",
                                "{ path = \"" + oci.resolve("pricing.wasm") + "\" }")
                        .replace(
                                "{ component = \"inventory\" }",
                                "{ path = \"" + oci.resolve("inventory.wasm") + "\" }");
        Path file = dir.resolve("spin.toml");
        Files.writeString(file, manifest);
        try (RunningApp app =
                RunningApp.start(
                        file,
                        AppLayout.of(RunningApp.appsDir()),
                        Optional.empty(),
                        Duration.ofSeconds(30),
                        Map.of())) {
            var response = app.post("/orders", OrdersAppEndToEndTest.ORDER);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(
                    4759, new ObjectMapper().readTree(response.body()).get("totalCents").asLong());
        }
    }
}
