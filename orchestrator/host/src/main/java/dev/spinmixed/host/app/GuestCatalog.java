package dev.spinmixed.host.app;

import dev.spinmixed.host.manifest.ManifestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a component's {@code source} (the componentized {@code <name>.wasm} that Spin runs) to the
 * core module the JVM runs: {@code <core-dir>/<name>.wasm}, plus its world and language from the
 * build's guest table ({@code guests.tsv}: name, build script, world, language; tab-separated,
 * {@code #} comments).
 */
public final class GuestCatalog {

    private final Path coreDir;
    private final Path table;
    private final Map<String, String[]> rows;

    private GuestCatalog(Path coreDir, Path table, Map<String, String[]> rows) {
        this.coreDir = coreDir;
        this.table = table;
        this.rows = rows;
    }

    public static GuestCatalog load(Path coreDir, Path table) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new ManifestException(table + ": cannot read the guest table (build the app first: ./mvnw -pl apps package): " + e.getMessage(), e);
        }
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 4) {
                throw new ManifestException(table + ":" + n + ": expected 4 tab-separated columns (name, build script, world, language), found " + cols.length);
            }
            if (cols[0].equals("name")) {
                continue;
            }
            rows.put(cols[0].trim(), cols);
        }
        return new GuestCatalog(coreDir, table, rows);
    }

    /** The guest for a component whose manifest {@code source} is {@code source}. */
    public Guest forSource(String componentId, String source) {
        String file = Path.of(source).getFileName().toString();
        String name = file.endsWith(".wasm") ? file.substring(0, file.length() - 5) : file;
        String[] row = Optional.ofNullable(rows.get(name)).orElseThrow(() -> new ManifestException(
                "component '" + componentId + "': source " + source + " names guest '" + name + "', which " + table + " does not list"));
        Path core = coreDir.resolve(name + ".wasm");
        if (!Files.isRegularFile(core)) {
            throw new ManifestException("component '" + componentId + "': core module " + core + " does not exist (build the app first)");
        }
        return new Guest(name, core, row[2].trim(), row[3].trim());
    }
}
