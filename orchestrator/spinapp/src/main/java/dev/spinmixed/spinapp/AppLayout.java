package dev.spinmixed.spinapp;

import dev.spinmixed.spinapp.manifest.ManifestException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tools find what a manifest's components stand for. Spin runs the component a source
 * names ({@code <name>.wasm}); the JVM host and the checks use the core module it was made from,
 * {@code target/core/<name>.wasm}, and the world {@code build/guests.tsv} gives it, from the WIT in
 * {@code wit/}, all under the app directory ({@code apps/}).
 */
public record AppLayout(Path appDir, Path coreDir, Path witDir, Path guestTable) {

    public static AppLayout of(Path appDir) {
        Path dir = appDir.toAbsolutePath().normalize();
        return new AppLayout(
                dir,
                dir.resolve("target/core"),
                dir.resolve("wit"),
                dir.resolve("build/guests.tsv"));
    }

    /** The same layout with the core modules in {@code coreDir} (the app build's staging area). */
    public AppLayout withCoreDir(Path coreDir) {
        return new AppLayout(appDir, coreDir.toAbsolutePath().normalize(), witDir, guestTable);
    }

    /** The nearest directory at or above the manifest's that holds {@code build/guests.tsv}. */
    public static AppLayout around(Path manifest) {
        for (Path d = manifest.toAbsolutePath().normalize().getParent();
                d != null;
                d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("build/guests.tsv"))) {
                return of(d);
            }
        }
        throw new ManifestException(
                manifest
                        + ": no build/guests.tsv in this directory or above it; give the app"
                        + " directory (it holds wit/, build/guests.tsv and target/core/)");
    }

    /** The guest a source or dependency path stands for: its file name without {@code .wasm}. */
    public static String guestName(String path) {
        String file = Path.of(path).getFileName().toString();
        return file.endsWith(".wasm") ? file.substring(0, file.length() - 5) : file;
    }

    public Path coreModule(String guest) {
        return coreDir.resolve(guest + ".wasm");
    }
}
