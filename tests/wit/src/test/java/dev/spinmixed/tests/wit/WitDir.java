package dev.spinmixed.tests.wit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes WIT files into a test's temporary directory. */
final class WitDir {

    private WitDir() {}

    static Path write(Path root, String relativePath, String source) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
