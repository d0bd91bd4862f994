package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/docker-wasm-builder, the deploy jobs' Docker step, run against stand-ins for sudo, systemctl
 * and docker: it keeps the daemon's other settings while turning on the containerd image store, and
 * stops the job, saying why, on an engine older than 27.5 or one without that store.
 */
class DockerWasmBuilderTest {
    static final Path SCRIPT = ContractGateTest.ROOT.resolve(".ci/docker-wasm-builder");
    static final String CONTAINERD_STORE = "[[\"driver-type\",\"io.containerd.snapshotter.v1\"]]";

    @TempDir Path dir;

    record Result(int exitCode, String output) {}

    private Result run(String daemonJson, String engineVersion, String driverStatus)
            throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        stub(bin, "sudo", "exec \"$@\"");
        stub(bin, "systemctl", "echo restarted >> \"" + dir.resolve("restarts") + "\"");
        stub(
                bin,
                "docker",
                "case \"$1\" in\n"
                        + "  version) echo '"
                        + engineVersion
                        + "' ;;\n"
                        + "  info) echo '"
                        + driverStatus
                        + "' ;;\n"
                        + "esac");
        Path config = dir.resolve("etc/docker/daemon.json");
        if (daemonJson != null) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, daemonJson);
        }
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("DOCKER_DAEMON_CONFIG", config.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private JsonNode daemonJson() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("etc/docker/daemon.json").toFile());
    }

    @Test
    void mergesTheContainerdImageStoreIntoTheDaemonsSettings() throws Exception {
        Result result =
                run(
                        "{\"registry-mirrors\":[\"https://mirror.example\"],"
                                + "\"features\":{\"buildkit\":true}}",
                        "28.0.1",
                        CONTAINERD_STORE);
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(
                new ObjectMapper()
                        .valueToTree(
                                Map.of(
                                        "registry-mirrors",
                                        java.util.List.of("https://mirror.example"),
                                        "features",
                                        Map.of("buildkit", true, "containerd-snapshotter", true))),
                daemonJson());
        assertTrue(Files.exists(dir.resolve("restarts")), "the daemon is restarted");
    }

    @Test
    void writesTheSettingWhereTheDaemonHasNone() throws Exception {
        Result result = run(null, "27.5.0", CONTAINERD_STORE);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(daemonJson().at("/features/containerd-snapshotter").asBoolean());
    }

    @Test
    void stopsOnAnEngineOlderThan27Point5() throws Exception {
        Result result = run("{}", "27.4.1", CONTAINERD_STORE);
        assertEquals(1, result.exitCode());
        assertTrue(
                result.output().contains("Docker Engine 27.4.1 is too old")
                        && result.output().contains("27.5.0 or newer"),
                result.output());
    }

    @Test
    void stopsWhenTheContainerdImageStoreIsNotInUse() throws Exception {
        Result result = run("{}", "28.0.1", "[[\"Backing Filesystem\",\"extfs\"]]");
        assertEquals(1, result.exitCode());
        assertTrue(
                result.output().contains("does not run the containerd image store"),
                result.output());
    }

    @Test
    void refusesDaemonSettingsThatAreNotJson() throws Exception {
        Result result = run("{not json", "28.0.1", CONTAINERD_STORE);
        assertEquals(1, result.exitCode());
        assertTrue(result.output().contains("is not valid JSON"), result.output());
    }
}
