package dev.spinmixed.bench;

import dev.spinmixed.infra.PinnedVersions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Sizes of what the app ships: each guest's core module and component, the OCI build context (what
 * the FROM-scratch image holds) raw and gzip-compressed (how registries count image layers), next
 * to the Redis container image the stack deploys.
 */
public final class Sizes {

    /** The Redis image the stack deploys, from the stack's own pin. */
    static final String REDIS_IMAGE = PinnedVersions.REDIS_IMAGE;

    private Sizes() {}

    public static Map<String, Object> measure(Path appDir) throws IOException {
        Path core = appDir.resolve("target/core");
        Path oci = appDir.resolve("target/oci");
        Map<String, Object> guests = new LinkedHashMap<>();
        List<Path> modules;
        try (Stream<Path> files = Files.list(core)) {
            modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        if (modules.isEmpty()) {
            throw new IOException(
                    "no core modules in "
                            + core
                            + ": build the app (./mvnw -B -pl apps -am install -DskipTests)");
        }
        for (Path module : modules) {
            String name = module.getFileName().toString().replace(".wasm", "");
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("core_bytes", Files.size(module));
            Path component = oci.resolve(name + ".wasm");
            g.put("component_bytes", Files.isRegularFile(component) ? Files.size(component) : null);
            guests.put(name, g);
        }
        List<Path> context;
        try (Stream<Path> files = Files.list(oci)) {
            context =
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().equals("sizes.json"))
                            .sorted()
                            .toList();
        }
        long raw = 0;
        CountingStream counted = new CountingStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(counted)) {
            for (Path file : context) {
                raw += Files.size(file);
                gzip.write(Files.readAllBytes(file));
            }
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("guests", guests);
        sizes.put("oci_context_bytes", raw);
        sizes.put("oci_context_gzip_bytes", counted.count);
        sizes.put("oci_context_files", context.size());
        sizes.put("redis_image", REDIS_IMAGE);
        // The image cannot be pulled here and no published size for this exact tag was found; the
        // nearest published figure is a third-party 7-alpine image's, given as a reference only.
        sizes.put("redis_image_compressed_bytes", null);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put(
                "image",
                "kaytwo/redis:7-alpine (third-party, built on the official Redis 7 Alpine image;"
                        + " not the deployed tag)");
        reference.put("compressed_size", "16.76 MB (linux/amd64)");
        reference.put("source", "https://hub.docker.com/r/kaytwo/redis/tags");
        sizes.put("redis_image_size_reference", reference);
        return sizes;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
