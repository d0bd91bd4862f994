package dev.spinmixed.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code apps/build/guests.tsv}: one guest a line, tab-separated, {@code #} starts a comment
 * line.
 */
public final class GuestTable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private GuestTable() {}

    public static List<Guest> read(Path table) throws IOException {
        List<Guest> guests = new ArrayList<>();
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
            Guest guest = new Guest(fields[0], fields[1], fields[2], fields[3]);
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
