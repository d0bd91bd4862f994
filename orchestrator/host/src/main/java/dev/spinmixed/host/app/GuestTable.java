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
 * The app build's guest table ({@code build/guests.tsv}: name, build script, world, language;
 * tab-separated, {@code #} comment lines): which world each guest implements and its language.
 */
public final class GuestTable {

    /** One guest: {@code world} is a world of the app's WIT package. */
    public record Row(String name, String world, String language) {}

    private final Path file;
    private final Map<String, Row> rows;

    private GuestTable(Path file, Map<String, Row> rows) {
        this.file = file;
        this.rows = Map.copyOf(rows);
    }

    public static GuestTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read the guest table: " + e.getMessage(), e);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t+");
            if (cols.length != 4) {
                throw new ManifestException(file + ":" + (i + 1) + ": expected 4 tab-separated fields (name, build script, world, language), found " + cols.length);
            }
            rows.put(cols[0], new Row(cols[0], cols[2], cols[3]));
        }
        return new GuestTable(file, rows);
    }

    public Optional<Row> row(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    public Path file() {
        return file;
    }
}
