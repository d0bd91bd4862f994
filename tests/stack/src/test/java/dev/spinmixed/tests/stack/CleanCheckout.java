package dev.spinmixed.tests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository as a fresh clone has it: every file git tracks or would track (its .gitignore
 * leaves out target/, node_modules/ and the like), copied from the working tree so uncommitted
 * changes are included, and nothing that a build produced. The npm packages `./run setup` installs
 * are linked in: the clone's first step on any machine, and not part of the program.
 */
final class CleanCheckout {
    private CleanCheckout() {}

    static Path copy(Path repository, Path target) {
        deleteRecursively(target);
        try {
            Files.createDirectories(target);
            for (String file : files(repository)) {
                Path source = repository.resolve(file);
                if (!Files.isRegularFile(source)) {
                    continue; // deleted in the working tree, not yet in the index
                }
                Path copy = target.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.createSymbolicLink(
                    target.resolve("node_modules"), repository.resolve("node_modules"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + repository + " to " + target, e);
        }
        return target;
    }

    private static List<String> files(Path repository) throws IOException {
        Process git =
                new ProcessBuilder(
                                "git",
                                "-C",
                                repository.toString(),
                                "ls-files",
                                "-z",
                                "--cached",
                                "--others",
                                "--exclude-standard")
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException(
                        "git ls-files failed in " + repository + ": the test needs a git checkout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing " + repository, e);
        }
        return Arrays.stream(listing.split("\0")).filter(name -> !name.isEmpty()).toList();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
