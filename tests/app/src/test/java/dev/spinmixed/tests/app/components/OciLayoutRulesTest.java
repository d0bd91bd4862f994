package dev.spinmixed.tests.app.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules apps/build.sh's last step (dev.spinmixed.apps.OciContext) applies to spin.toml, run on
 * small app directories: the happy path rewrites sources and lists exactly the components; every
 * broken manifest stops the build with a message naming the file and the reference.
 */
class OciLayoutRulesTest {

    @TempDir Path apps;

    private Path build;

    @BeforeEach
    void guests() throws IOException {
        build = apps.resolve("target/staging");
        Files.createDirectories(apps.resolve("build"));
        Files.writeString(
                apps.resolve("build/guests.tsv"),
                "# name\tscript\tworld\tlanguage\n"
                        + "front\tx/build.sh\tfront-world\tc\n"
                        + "back\tx/build.sh back\tback-world\trust\n");
        for (String name : List.of("front", "back")) {
            Files.createDirectories(build.resolve("core"));
            Files.createDirectories(build.resolve("oci"));
            Files.write(build.resolve("core").resolve(name + ".wasm"), new byte[10]);
            Files.write(build.resolve("oci").resolve(name + ".wasm"), new byte[25]);
        }
    }

    private record Run(int exitCode, String stderr) {}

    private Run layOut(String manifest) throws IOException, InterruptedException {
        if (manifest != null) {
            Files.writeString(apps.resolve("spin.toml"), manifest);
        }
        String classpath =
                AppComponents.appsDir().resolve("target/classes")
                        + File.pathSeparator
                        + System.getProperty("java.class.path");
        Path stderr = apps.resolve("stderr");
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                classpath,
                                "dev.spinmixed.apps.OciContext",
                                apps.toString(),
                                build.toString())
                        .redirectError(stderr.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "OciContext did not finish");
        return new Run(process.exitValue(), Files.readString(stderr));
    }

    @Test
    void rewritesBuiltSourcesAndListsExactlyTheComponents() throws Exception {
        Run run =
                layOut(
                        """
                        spin_manifest_version = 2
                        [application]
                        name = "t"
                        [[trigger.http]]
                        route = "/..."
                        component = "front"
                        [component.front]
                        source = "target/oci/front.wasm"
                        [component.front.dependencies]
                        "acme:x/back@0.1.0" = { path = 'target/oci/back.wasm' }
                        """);
        assertEquals(0, run.exitCode(), run.stderr());
        String manifest = Files.readString(build.resolve("oci/spin.toml"));
        assertTrue(manifest.contains("source = \"front.wasm\""), manifest);
        assertTrue(manifest.contains("{ path = 'back.wasm' }"), manifest);
        List<String> dockerfile =
                Files.readAllLines(build.resolve("oci/Dockerfile")).stream()
                        .filter(l -> !l.startsWith("#"))
                        .toList();
        assertEquals(
                List.of(
                        "FROM scratch",
                        "COPY spin.toml /spin.toml",
                        "COPY back.wasm /back.wasm",
                        "COPY front.wasm /front.wasm"),
                dockerfile);
        String sizes = Files.readString(build.resolve("oci/sizes.json"));
        assertTrue(
                sizes.contains("\"coreBytes\" : 10") && sizes.contains("\"componentBytes\" : 25"),
                sizes);
    }

    @Test
    void aComponentNobodyReferencesStopsTheBuild() throws Exception {
        Run run =
                layOut(
                        """
                        spin_manifest_version = 2
                        [application]
                        name = "t"
                        [[trigger.http]]
                        route = "/..."
                        component = "front"
                        [component.front]
                        source = "target/oci/front.wasm"
                        """);
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr()
                        .contains(
                                "back.wasm is in the context but no component or dependency"
                                        + " references it"),
                run.stderr());
    }

    @Test
    void aReferenceOutsideTheBuiltComponentsStopsTheBuild() throws Exception {
        Run run =
                layOut(
                        """
                        spin_manifest_version = 2
                        [application]
                        name = "t"
                        [[trigger.http]]
                        route = "/..."
                        component = "front"
                        [component.front]
                        source = "front.wasm"
                        """);
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr()
                        .contains(
                                "'front.wasm' is not a built guest; reference components as"
                                        + " target/oci/<name>.wasm"),
                run.stderr());
    }

    @Test
    void aReferenceToAMissingComponentStopsTheBuild() throws Exception {
        Run run =
                layOut(
                        """
                        spin_manifest_version = 2
                        [application]
                        name = "t"
                        [[trigger.http]]
                        route = "/..."
                        component = "front"
                        [component.front]
                        source = "target/oci/front.wasm"
                        [component.front.dependencies]
                        "acme:x/back@0.1.0" = { path = "target/oci/back.wasm" }
                        "acme:x/side@0.1.0" = { path = "target/oci/side.wasm" }
                        """);
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr().contains("references 'side.wasm', which is not a file in"),
                run.stderr());
    }

    @Test
    void aRemoteSourceStopsTheBuild() throws Exception {
        Run run =
                layOut(
                        """
                        spin_manifest_version = 2
                        [application]
                        name = "t"
                        [[trigger.http]]
                        route = "/..."
                        component = "front"
                        [component.front]
                        source = { url = "https://example.com/front.wasm", digest = "sha256:00" }
                        """);
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr().contains("component 'front' must have a local file as source"),
                run.stderr());
    }

    @Test
    void aMissingManifestStopsTheBuild() throws Exception {
        Run run = layOut(null);
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("spin.toml is missing"), run.stderr());
    }

    @Test
    void aMalformedGuestTableStopsTheBuildNamingTheLine() throws Exception {
        Files.writeString(
                apps.resolve("build/guests.tsv"), "# header\nfront\tx/build.sh\tfront-world\n");
        Run run = layOut("spin_manifest_version = 2\n");
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr()
                        .contains(
                                "guests.tsv:2: expected 4 tab-separated fields (name, build script,"
                                        + " world, language), found 3"),
                run.stderr());
    }

    @Test
    void aGuestListedTwiceStopsTheBuild() throws Exception {
        Files.writeString(apps.resolve("build/guests.tsv"), "front\tx\tw\tc\nfront\ty\tw\tc\n");
        Run run = layOut("spin_manifest_version = 2\n");
        assertEquals(1, run.exitCode());
        assertTrue(
                run.stderr().contains("guests.tsv:2: guest 'front' is listed twice"), run.stderr());
    }
}
