package dev.spinmixed.spinapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The app's guests as {@code apps/build/guests.tsv} lists them: one guest a line, tab-separated
 * (name, build script, world, language); {@code #} starts a comment line. The file documents the
 * format; the app build builds each line, and the checks and the JVM host find each component's
 * world here.
 */
public final class GuestTable {

    /**
     * One guest.
     *
     * @param name its core module is {@code target/core/<name>.wasm}, its component {@code
     *     target/oci/<name>.wasm}
     * @param buildScript the script that builds the core module, relative to the repository root,
     *     with its arguments
     * @param world the world it implements, a world of the app's WIT package (or qualified)
     * @param language the source language, for reports
     */
    public record Entry(String name, String buildScript, String world, String language) {

        public String wasmFile() {
            return name + ".wasm";
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private GuestTable() {}

    public static List<Entry> read(Path table) throws IOException {
        List<Entry> guests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> lines = Files.readAllLines(table);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t+");
            String where = table + ":" + (i + 1);
            if (fields.length != 4) {
                throw new IllegalArgumentException(
                        where
                                + ": expected 4 tab-separated fields "
                                + "(name, build script, world, language), found "
                                + fields.length);
            }
            Entry guest = new Entry(fields[0], fields[1], fields[2], fields[3]);
            if (!NAME.matcher(guest.name()).matches()) {
                throw new IllegalArgumentException(
                        where
                                + ": guest name '"
                                + guest.name()
                                + "' must be lower-case letters, digits and '-'");
            }
            if (!names.add(guest.name())) {
                throw new IllegalArgumentException(
                        where + ": guest '" + guest.name() + "' is listed twice");
            }
            guests.add(guest);
        }
        if (guests.isEmpty()) {
            throw new IllegalArgumentException(table + ": lists no guest");
        }
        return List.copyOf(guests);
    }
}
