package dev.spinmixed.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.SpinHostCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpinHostCliTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SpinHostCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsUpAndCheck() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("up") && r.out().contains("check"), r.out());
        Run up = run("up", "--help");
        assertTrue(
                up.out().contains("--listen")
                        && up.out().contains("--redis")
                        && up.out().contains("--no-redis")
                        && up.out().contains("--redis-reconnect")
                        && up.out().contains("--redis-pool")
                        && up.out().contains("--from")
                        && up.out().contains("--mode"),
                up.out());
    }

    @Test
    void upTakesEitherARedisOrNone() {
        Run r = run("up", "--redis", "redis://127.0.0.1:6379", "--no-redis");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }

    @Test
    void upWithARedisThatIsNotThereFailsToStartSayingWhy() throws Exception {
        int nothing = dev.spinmixed.host.redis.LocalRedisServer.freePort();
        Run r =
                run(
                        "up",
                        "--from",
                        RunningApp.appsDir().resolve("target/oci/spin.toml").toString(),
                        "--listen",
                        "127.0.0.1:0",
                        "--redis",
                        "redis://127.0.0.1:" + nothing);
        assertEquals(1, r.exit());
        assertTrue(
                r.err().contains("error: Redis trigger failed to connect to 127.0.0.1:" + nothing),
                r.err());
    }

    @Test
    void checkPassesOnTheBuiltAppAndReportsEachComponent() {
        Run r =
                run(
                        "check",
                        "--from",
                        RunningApp.appsDir().resolve("target/oci/spin.toml").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains(
                                "ok   component orchestrator: core module orchestrator.wasm"
                                        + " implements world orchestrator"),
                r.out());
        assertTrue(r.out().contains("ok   linking: 5 triggered components link"), r.out());
        assertTrue(r.out().contains("check passed"), r.out());
    }

    @Test
    void checkReportsEveryBrokenComponentAndFails(@TempDir Path dir) throws Exception {
        String manifest =
                Files.readString(RunningApp.appsDir().resolve("target/oci/spin.toml"))
                        .replace("source = \"pricing.wasm\"", "source = \"pricing-v2.wasm\"")
                        .replace("source = \"inventory.wasm\"", "source = \"inventory-v2.wasm\"");
        Path file = dir.resolve("spin.toml");
        Files.writeString(file, manifest);
        Run r =
                run(
                        "check",
                        "--from",
                        file.toString(),
                        "--app-dir",
                        RunningApp.appsDir().toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "FAIL component pricing: component 'pricing' (source"
                                        + " pricing-v2.wasm) stands for guest 'pricing-v2'"),
                r.out());
        assertTrue(r.out().contains("FAIL component inventory:"), r.out());
        assertTrue(r.out().contains("check failed"), r.out());
    }

    @Test
    void aManifestErrorIsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spin.toml");
        Files.writeString(
                file, "spin_manifest_version = 2\n[application]\nname = \"x\"\nbogus = 1\n");
        Run r =
                run(
                        "check",
                        "--from",
                        file.toString(),
                        "--app-dir",
                        RunningApp.appsDir().toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("application.bogus: unknown field"), r.out());
    }

    @Test
    void upWithABadListenAddressFailsSayingWhy() {
        Run r =
                run(
                        "up",
                        "--from",
                        RunningApp.appsDir().resolve("target/oci/spin.toml").toString(),
                        "--listen",
                        "nonsense");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--listen nonsense: expected HOST:PORT"), r.err());
    }
}
