package dev.spinmixed.tests.app.components;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.spinmixed.spinapp.compose.DenyAllAdapter;
import dev.spinmixed.wit.ComponentType;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OCI build context apps/build.sh lays out: real components (not core modules), each checked by
 * jco and exporting its world, and a spin.toml, Dockerfile and sizes.json that name exactly them.
 */
class OciContextTest {

    /** Binary headers: magic, then version and layer (core module 1/0, component 0x0d/1). */
    private static final byte[] COMPONENT_HEADER = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};

    private static final byte[] CORE_MODULE_HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private static final Path OCI = AppComponents.appsDir().resolve("target/oci");
    private static final Path CORE = AppComponents.appsDir().resolve("target/core");

    /** name -> world, from apps/build/guests.tsv. */
    private static Map<String, String> guests() throws IOException {
        Map<String, String> guests = new LinkedHashMap<>();
        for (String line :
                Files.readAllLines(AppComponents.appsDir().resolve("build/guests.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split("\t+");
                guests.put(fields[0], fields[2]);
            }
        }
        return guests;
    }

    private static Set<String> wasmFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".wasm"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static byte[] header(Path file) throws IOException {
        return Arrays.copyOf(Files.readAllBytes(file), 8);
    }

    @Test
    void holdsOneComponentPerGuestBuiltFromTheCoreModuleChicoryRuns() throws IOException {
        Set<String> expected =
                guests().keySet().stream()
                        .map(n -> n + ".wasm")
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, wasmFiles(OCI));
        assertEquals(expected, wasmFiles(CORE));
        for (String file : expected) {
            assertArrayEquals(
                    COMPONENT_HEADER,
                    header(OCI.resolve(file)),
                    file + " in the OCI context is not a component");
            assertArrayEquals(
                    CORE_MODULE_HEADER,
                    header(CORE.resolve(file)),
                    file + " in target/core is not a core module");
        }
    }

    @Test
    void spinTomlReferencesExactlyTheComponentsBesideIt() throws IOException {
        JsonNode manifest = new TomlMapper().readTree(OCI.resolve("spin.toml").toFile());
        Set<String> referenced = new TreeSet<>();
        manifest.get("component")
                .fields()
                .forEachRemaining(
                        component -> {
                            referenced.add(component.getValue().get("source").asText());
                            component
                                    .getValue()
                                    .path("dependencies")
                                    .forEach(
                                            dependency -> {
                                                if (dependency.has("path")) {
                                                    referenced.add(dependency.get("path").asText());
                                                }
                                            });
                        });
        assertEquals(wasmFiles(OCI), referenced);
        assertEquals(2, manifest.get("spin_manifest_version").asInt());
    }

    @Test
    void dockerfileCopiesTheManifestAndEveryComponentIntoAScratchImage() throws IOException {
        List<String> instructions =
                Files.readAllLines(OCI.resolve("Dockerfile")).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .toList();
        assertEquals("FROM scratch", instructions.get(0));
        Set<String> copied = new HashSet<>(instructions.subList(1, instructions.size()));
        Set<String> expected = new HashSet<>();
        expected.add("COPY spin.toml /spin.toml");
        wasmFiles(OCI).forEach(f -> expected.add("COPY " + f + " /" + f));
        assertEquals(expected, copied);
    }

    @Test
    void sizesJsonMatchesTheFiles() throws IOException {
        JsonNode sizes = new ObjectMapper().readTree(OCI.resolve("sizes.json").toFile());
        long total = 0;
        try (Stream<Path> files = Files.list(OCI)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().equals("sizes.json")) {
                    total += Files.size(file);
                }
            }
        }
        assertEquals(total, sizes.get("contextBytes").asLong());
        for (String name : guests().keySet()) {
            JsonNode entry = sizes.get("components").get(name);
            assertEquals(
                    Files.size(OCI.resolve(name + ".wasm")),
                    entry.get("componentBytes").asLong(),
                    name);
            assertEquals(
                    Files.size(CORE.resolve(name + ".wasm")),
                    entry.get("coreBytes").asLong(),
                    name);
        }
    }

    @Test
    void everyComponentPassesJcoAndExportsExactlyItsWorld()
            throws IOException, InterruptedException {
        JsonNode report = new ObjectMapper().readTree(checkWithJco());
        WitResolve wit = WitLoader.loadDirectory(AppComponents.appsDir().resolve("wit"));
        for (Map.Entry<String, String> guest : guests().entrySet()) {
            World world = wit.world(guest.getValue());
            Set<String> expected =
                    world.exports().stream()
                            .map(
                                    item ->
                                            ((World.WorldItem.InterfaceItem) item)
                                                    .iface()
                                                    .qualifiedName())
                            .collect(Collectors.toSet());
            Set<String> exported = new HashSet<>();
            report.get(guest.getKey() + ".wasm")
                    .get("exports")
                    .forEach(e -> exported.add(e.asText()));
            assertEquals(expected, exported, guest.getKey());
        }
    }

    /**
     * The component type the JVM side derives from a world ({@link ComponentType}, wit-parser's
     * elaboration) is the real component's, import by import in jco's order, WASI aside; and none
     * of the WASI imports the jco adapter adds is one Spin's deny-all adapter takes over, so a
     * dependency runs with its dependent's WASI in Spin too.
     */
    @Test
    void theJvmSidesComponentTypesAreTheBuiltComponents() throws IOException, InterruptedException {
        JsonNode report = new ObjectMapper().readTree(checkWithJco());
        WitResolve wit = WitLoader.loadDirectory(AppComponents.appsDir().resolve("wit"));
        for (Map.Entry<String, String> guest : guests().entrySet()) {
            ComponentType type = ComponentType.of(wit.world(guest.getValue()), wit);
            JsonNode component = report.get(guest.getKey() + ".wasm");
            List<String> imports = new ArrayList<>();
            List<String> wasi = new ArrayList<>();
            component
                    .get("imports")
                    .forEach(
                            i -> (i.asText().startsWith("wasi:") ? wasi : imports).add(i.asText()));
            assertEquals(List.copyOf(type.imports().keySet()), imports, guest.getKey());
            List<String> exports = new ArrayList<>();
            component.get("exports").forEach(e -> exports.add(e.asText()));
            assertEquals(List.copyOf(type.exports().keySet()), exports, guest.getKey());
            assertEquals(List.of(), DenyAllAdapter.plugged(wasi), guest.getKey() + ": " + wasi);
        }
    }

    private static String checkWithJco() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("node.scripts")).resolve("check-components.mjs");
        Path stderr = Path.of(System.getProperty("jco.work")).resolve("check-components.stderr");
        Files.createDirectories(stderr.getParent());
        Process process =
                new ProcessBuilder("node", script.toString(), OCI.toString())
                        .redirectError(stderr.toFile())
                        .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "jco check did not finish in 5 minutes");
        assertEquals(0, process.exitValue(), () -> "jco rejected a component: " + read(stderr));
        return stdout;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
