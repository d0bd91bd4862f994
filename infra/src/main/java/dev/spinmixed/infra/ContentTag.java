package dev.spinmixed.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An image tag derived from the bytes of the build context, so a tag names one content and the same
 * build never gets a new tag. (Workloads still pull by digest.)
 */
final class ContentTag {
    private static final int HEX_CHARS = 16;

    private ContentTag() {}

    static String of(Path buildContext) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(buildContext)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the build context " + buildContext, e);
        }
        for (Path file : files) {
            // Names are hashed too, so moving bytes between files changes the tag.
            sha256.update(
                    buildContext
                            .relativize(file)
                            .toString()
                            .replace('\\', '/')
                            .getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            try {
                sha256.update(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return "sha-" + HexFormat.of().formatHex(sha256.digest()).substring(0, HEX_CHARS);
    }
}
