package dev.spinmixed.wit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Entry point: loads WIT into a {@link WitResolve}. Throws {@link WitException} for bad WIT, with
 * {@code file:line:column} when the problem has a place.
 */
public final class WitLoader {

    private WitLoader() {}

    /**
     * Loads {@code dir/*.wit} as the main package and each {@code dir/deps/<name>/*.wit} or {@code
     * dir/deps/<name>.wit} as one dependency package (dependencies have no deps of their own).
     */
    public static WitResolve loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new WitException(
                    "WIT directory " + dir + " does not exist or is not a directory");
        }
        List<Ast.File> main = parseAll(witFiles(dir));
        if (main.isEmpty()) {
            throw new WitException("no .wit files in " + dir);
        }
        List<List<Ast.File>> dependencies = new ArrayList<>();
        Path deps = dir.resolve("deps");
        if (Files.isDirectory(deps)) {
            for (Path entry : sorted(deps)) {
                if (Files.isDirectory(entry)) {
                    List<Ast.File> files = parseAll(witFiles(entry));
                    if (files.isEmpty()) {
                        throw new WitException("dependency folder " + entry + " has no .wit files");
                    }
                    dependencies.add(files);
                } else if (isWitFile(entry)) {
                    dependencies.add(List.of(parseFile(entry)));
                }
            }
        }
        return Resolver.resolve(main, dependencies);
    }

    /** Parses one source text as a whole package; it must declare the package. */
    public static WitResolve parse(String source, String fileName) {
        return Resolver.resolve(List.of(Parser.parse(source, fileName)), List.of());
    }

    private static List<Path> witFiles(Path dir) {
        return sorted(dir).stream().filter(WitLoader::isWitFile).collect(Collectors.toList());
    }

    private static boolean isWitFile(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".wit");
    }

    private static List<Path> sorted(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<Ast.File> parseAll(List<Path> files) {
        return files.stream().map(WitLoader::parseFile).collect(Collectors.toList());
    }

    private static Ast.File parseFile(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new WitException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Parser.parse(source, file.toString());
    }
}
