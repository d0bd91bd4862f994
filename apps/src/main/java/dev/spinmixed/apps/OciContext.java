package dev.spinmixed.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.spinapp.GuestTable;
import dev.spinmixed.spinapp.manifest.ComponentDependency;
import dev.spinmixed.spinapp.manifest.ComponentSource;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lays out the Spin app's OCI build context in {@code <build>/oci/} (moved to {@code
 * apps/target/oci/} by apps/build.sh): {@code spin.toml}, the component files it references, a
 * {@code Dockerfile} and {@code sizes.json}.
 *
 * <p>{@code apps/spin.toml} points at the built components as {@code target/oci/<name>.wasm} (so
 * Spin can run it from {@code apps/} after a build); the context's copy points at {@code
 * <name>.wasm} beside it. The layout is checked afterwards: every file a component or a dependency
 * references must be in the context, and every component file in the context must be referenced.
 */
public final class OciContext {

    static final String BUILT_PREFIX = "target/oci/";

    private static final String DOCKERFILE =
            """
            # The Spin app as an OCI image for containerd-shim-spin (SpinKube): the shim reads
            # /spin.toml and loads the components it references, relative to it.
            # Build: docker buildx build --platform wasi/wasm -t <registry>/<app>:<tag> .
            FROM scratch
            COPY spin.toml /spin.toml
            """;

    private final Path appsDir;
    private final Path coreDir;
    private final Path contextDir;
    private final List<GuestTable.Entry> guests;

    /**
     * {@code buildDir} holds {@code core/} (the core modules) and {@code oci/} (the components).
     */
    public OciContext(Path appsDir, Path buildDir, List<GuestTable.Entry> guests) {
        this.appsDir = appsDir;
        this.coreDir = buildDir.resolve("core");
        this.contextDir = buildDir.resolve("oci");
        this.guests = guests;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: OciContext <apps-dir> <build-dir>");
            System.exit(2);
        }
        Path apps = Path.of(args[0]);
        try {
            new OciContext(
                            apps,
                            Path.of(args[1]),
                            GuestTable.read(apps.resolve("build/guests.tsv")))
                    .layOut();
        } catch (RuntimeException e) {
            System.err.println("OCI context: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Writes spin.toml, Dockerfile and sizes.json next to the components, then checks the layout.
     */
    public void layOut() throws IOException {
        Path manifest = appsDir.resolve("spin.toml");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException(
                    manifest
                            + " is missing: the app's manifest must exist before its "
                            + "OCI context can be laid out");
        }
        String text = Files.readString(manifest);
        Set<String> references = localFiles(ManifestReader.read(manifest));
        String rewritten = text;
        for (String reference : references) {
            if (!reference.startsWith(BUILT_PREFIX)) {
                throw new IllegalStateException(
                        manifest
                                + ": '"
                                + reference
                                + "' is not a built guest; reference "
                                + "components as "
                                + BUILT_PREFIX
                                + "<name>.wasm");
            }
            String file = reference.substring(BUILT_PREFIX.length());
            rewritten =
                    rewritten
                            .replace('"' + reference + '"', '"' + file + '"')
                            .replace('\'' + reference + '\'', '\'' + file + '\'');
        }
        Path contextManifest = contextDir.resolve("spin.toml");
        Files.writeString(contextManifest, rewritten);
        Set<String> files = checkReferences(contextManifest);
        Files.writeString(
                contextDir.resolve("Dockerfile"),
                DOCKERFILE
                        + files.stream()
                                .map(f -> "COPY " + f + " /" + f + "\n")
                                .collect(Collectors.joining()));
        writeSizes();
    }

    /**
     * The component files the context's spin.toml references, after checking they are exactly those
     * present.
     */
    private Set<String> checkReferences(Path contextManifest) throws IOException {
        Set<String> referenced = localFiles(ManifestReader.read(contextManifest));
        List<String> problems = new ArrayList<>();
        for (String file : referenced) {
            if (file.contains("/") || !Files.isRegularFile(contextDir.resolve(file))) {
                problems.add("references '" + file + "', which is not a file in " + contextDir);
            }
        }
        Set<String> present;
        try (Stream<Path> entries = Files.list(contextDir)) {
            present =
                    entries.map(p -> p.getFileName().toString())
                            .filter(f -> f.endsWith(".wasm"))
                            .collect(Collectors.toCollection(TreeSet::new));
        }
        for (String file : present) {
            if (!referenced.contains(file)) {
                problems.add(
                        file + " is in the context but no component or dependency references it");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    contextManifest + ":\n  " + String.join("\n  ", problems));
        }
        return referenced;
    }

    /**
     * The local files a manifest loads: component sources and dependency paths. The image carries
     * nothing else, so any other form is refused.
     */
    static Set<String> localFiles(SpinManifest manifest) {
        Set<String> files = new TreeSet<>();
        for (ManifestComponent c : manifest.components().values()) {
            if (!(c.source() instanceof ComponentSource.LocalFile file)) {
                throw new IllegalStateException(
                        manifest.file()
                                + ": component '"
                                + c.id()
                                + "' must have a local file as source (remote sources are not"
                                + " part of the image)");
            }
            files.add(file.path());
            c.dependencies()
                    .forEach(
                            (name, d) -> {
                                if (d instanceof ComponentDependency.LocalPath p) {
                                    files.add(p.path());
                                } else if (!(d instanceof ComponentDependency.AppComponent)) {
                                    throw new IllegalStateException(
                                            manifest.file()
                                                    + ": dependency '"
                                                    + name
                                                    + "' of component '"
                                                    + c.id()
                                                    + "' must be a local path or a component of"
                                                    + " the app");
                                }
                            });
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(manifest.file() + ": declares no component");
        }
        return files;
    }

    private void writeSizes() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode sizes = json.createObjectNode();
        ObjectNode components = sizes.putObject("components");
        for (GuestTable.Entry guest : guests) {
            ObjectNode entry = components.putObject(guest.name());
            entry.put("language", guest.language());
            entry.put("world", guest.world());
            entry.put("coreBytes", Files.size(coreDir.resolve(guest.wasmFile())));
            entry.put("componentBytes", Files.size(contextDir.resolve(guest.wasmFile())));
        }
        long total = 0;
        ObjectNode files = sizes.putObject("contextFiles");
        try (Stream<Path> entries = Files.list(contextDir).sorted()) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                if (!file.getFileName().toString().equals("sizes.json")) {
                    files.put(file.getFileName().toString(), Files.size(file));
                    total += Files.size(file);
                }
            }
        }
        sizes.put("contextBytes", total);
        json.writeValue(contextDir.resolve("sizes.json").toFile(), sizes);
    }
}
