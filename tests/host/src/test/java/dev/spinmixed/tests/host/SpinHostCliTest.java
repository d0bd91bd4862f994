package dev.spinmixed.tests.host;

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
                                "ok   component `orchestrator`: source orchestrator.wasm: core"
                                    + " module orchestrator.wasm implements world orchestrator"),
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
                                "FAIL component `pricing`: source pricing-v2.wasm stands for"
                                        + " guest 'pricing-v2'"),
                r.out());
        assertTrue(
                r.out().contains("FAIL component `inventory`: source inventory-v2.wasm"), r.out());
        assertTrue(r.out().contains("check failed"), r.out());
    }

    /** A copy of the built app's OCI manifest with {@code edit} applied, checked. */
    static Run checkEdited(Path dir, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        Path file = dir.resolve("spin.toml");
        Files.writeString(
                file,
                edit.apply(Files.readString(RunningApp.appsDir().resolve("target/oci/spin.toml"))));
        return run(
                "check", "--from", file.toString(), "--app-dir", RunningApp.appsDir().toString());
    }

    /** The geo test app: a root importing two interfaces of one package, two providers. */
    static Path geoApp(Path dir, String dependencies) throws Exception {
        Path app = dir.resolve("geo");
        Path source = Path.of("src/test/geo-app");
        Path wit = app.resolve("wit");
        Files.createDirectories(wit.resolve("deps/geo"));
        Files.copy(source.resolve("wit/worlds.wit"), wit.resolve("worlds.wit"));
        Files.copy(source.resolve("wit/deps/geo/geo.wit"), wit.resolve("deps/geo/geo.wit"));
        Files.createDirectories(wit.resolve("deps/spin"));
        try (var spin = Files.list(RunningApp.appsDir().resolve("wit/deps/spin"))) {
            for (Path f : (Iterable<Path>) spin::iterator) {
                Files.copy(f, wit.resolve("deps/spin").resolve(f.getFileName()));
            }
        }
        Files.createDirectories(app.resolve("build"));
        Files.copy(source.resolve("guests.tsv"), app.resolve("build/guests.tsv"));
        Path core = Files.createDirectories(app.resolve("target/core"));
        Path guests = Path.of(System.getProperty("test.guests", "target/test-guests"));
        for (String guest : java.util.List.of("calculator", "area", "perimeter", "geometry")) {
            Files.copy(guests.resolve(guest + ".wasm"), core.resolve(guest + ".wasm"));
        }
        Path manifest = app.resolve("spin.toml");
        Files.writeString(
                manifest,
                """
                spin_manifest_version = 2
                [application]
                name = "geo"
                [[trigger.http]]
                route = "/..."
                component = "calculator"
                [component.calculator]
                source = "calculator.wasm"
                [component.calculator.dependencies]
                %s
                [component.area]
                source = "area.wasm"
                [component.perimeter]
                source = "perimeter.wasm"
                [component.geometry]
                source = "geometry.wasm"
                """
                        .formatted(dependencies));
        return manifest;
    }

    @Test
    void oneDependencyMayServeEveryInterfaceOfItsPackage(@TempDir Path dir) throws Exception {
        Path manifest = geoApp(dir, "\"test:geo\" = { component = \"geometry\" }");
        Run r = run("check", "--from", manifest.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(
                r.out().contains("import test:geo/area@0.1.0 <- component `geometry`")
                        && r.out()
                                .contains(
                                        "import test:geo/perimeter@0.1.0 <- component `geometry`"),
                r.out());
    }

    @Test
    void anImportNoDependencyServesFailsToLink(@TempDir Path dir) throws Exception {
        Path manifest = geoApp(dir, "\"test:geo/area@0.1.0\" = { component = \"area\" }");
        Run r = run("check", "--from", manifest.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out().contains("FAIL linking")
                        && r.out().contains("test:geo/perimeter@0.1.0#perimeter"),
                r.out());
    }

    @Test
    void checkRefusesTwoDependenciesFromOnePackageWithSpinsRule(@TempDir Path dir)
            throws Exception {
        Path manifest =
                geoApp(
                        dir,
                        "\"test:geo/area@0.1.0\" = { component = \"area\" }\n"
                                + "\"test:geo/perimeter@0.1.0\" = { component = \"perimeter\" }");
        Run r = run("check", "--from", manifest.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "FAIL component `calculator` dependencies: failed to resolve"
                                        + " dependencies for component \"calculator\": an error"
                                        + " occurred when preparing dependencies: package"
                                        + " `test:geo` has already been registered in the graph"),
                r.out());
        assertTrue(r.out().contains("at most one dependency per WIT package"), r.out());
    }

    @Test
    void checkRefusesADependencyWithItsOwnEnvironment(@TempDir Path dir) throws Exception {
        Run r =
                checkEdited(
                        dir,
                        m ->
                                m.replace(
                                        "source = \"validation.wasm\"",
                                        "source = \"validation.wasm\"\n"
                                                + "environment = { LOG = \"debug\" }"));
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "Dependencies may not have their own resources or permissions."
                                        + " Component validation cannot be used as a dependency"
                                        + " of orchestrator because it specifies: environment"),
                r.out());
    }

    @Test
    void checkRefusesADependencyNameThatMatchesNoImport(@TempDir Path dir) throws Exception {
        Run r =
                checkEdited(
                        dir,
                        m ->
                                m.replace(
                                        "\"acme:inventory/inventory@0.1.0\" = { component ="
                                                + " \"inventory\" }",
                                        "\"acme:inventory/inventory@0.1.0\" = { component ="
                                                + " \"inventory\" }\n"
                                                + "\"acme:shipping/shipping@0.1.0\" = { component ="
                                                + " \"inventory\" }"));
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "dependency 'acme:shipping/shipping@0.1.0' doesn't match any"
                                        + " imports of component 'orchestrator'"),
                r.out());
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
