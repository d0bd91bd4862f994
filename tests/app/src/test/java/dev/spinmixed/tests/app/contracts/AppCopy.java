package dev.spinmixed.tests.app.contracts;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app's sources copied into a directory laid out like the repository (apps/, the orchestrator
 * guest, node_modules linked), to change and build without touching the real app.
 */
final class AppCopy {

    /** The sources a build of the app reads, relative to the repository root. */
    private static final List<String> SOURCES =
            List.of(
                    "apps/wit",
                    "apps/build",
                    "apps/build.sh",
                    "apps/spin.toml",
                    "apps/validation",
                    "apps/pricing",
                    "apps/inventory",
                    "apps/hops",
                    "apps/shared",
                    "orchestrator/guest");

    final Path root;

    private AppCopy(Path root) {
        this.root = root;
    }

    /** The real repository root (apps.dir's parent, set by tests/app/pom.xml). */
    static Path repository() {
        return Path.of(System.getProperty("apps.dir")).toAbsolutePath().normalize().getParent();
    }

    /** A directory laid out like the repository, as it is (the real one, to build from). */
    static AppCopy at(Path root) {
        return new AppCopy(root);
    }

    static AppCopy into(Path dir) throws IOException {
        Path repo = repository();
        for (String source : SOURCES) {
            copy(repo.resolve(source), dir.resolve(source));
        }
        Files.createSymbolicLink(dir.resolve("node_modules"), repo.resolve("node_modules"));
        return new AppCopy(dir);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().contains(File.separator + "target")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String relative, String text) throws IOException {
        Files.createDirectories(path(relative).getParent());
        Files.writeString(path(relative), text);
    }

    /** Replaces the one occurrence of {@code from} in a file. */
    void replace(String relative, String from, String to) throws IOException {
        String text = read(relative);
        if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
            throw new IllegalArgumentException(relative + ": expected '" + from + "' once");
        }
        write(relative, text.replace(from, to));
    }

    /** A command's exit code and output (standard error merged in). */
    record Run(int exitCode, String output) {}

    /** The apps module's classes and this test's classpath (linker, bindgen, Jackson). */
    static String classpath() {
        return repository().resolve("apps/target/classes")
                + File.pathSeparator
                + System.getProperty("java.class.path");
    }

    /** apps/build.sh on the copy: bindings, every guest, the contract check, jco, the context. */
    Run build() throws IOException, InterruptedException {
        return run(Map.of(), "bash", path("apps/build.sh").toString(), classpath());
    }

    Run run(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("run", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 15 minutes");
        }
        try {
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }
}
