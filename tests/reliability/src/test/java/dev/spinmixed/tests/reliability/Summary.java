package dev.spinmixed.tests.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The figures of one run of this suite (inputs tried, faults injected, orders lost and duplicated
 * per wiring), one section per test class. When the run ends it is printed as a table and written
 * to {@code docs/reliability/summary.json} (system property {@code reliability.summary}).
 */
final class Summary implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Map<String, Map<String, Object>> sections = new TreeMap<>();
    private final Path file;

    Summary(Path file) {
        this.file = file;
    }

    /**
     * Records {@code value} as figure {@code name} of {@code section}, replacing an earlier one.
     */
    synchronized void put(String section, String name, Object value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, value);
    }

    /** Adds {@code delta} to the counter {@code name} of {@code section}. */
    synchronized void add(String section, String name, long delta) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>())
                .merge(name, delta, (a, b) -> (Long) a + (Long) b);
    }

    synchronized Map<String, Map<String, Object>> sections() {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        sections.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }

    @Override
    public void close() {
        Map<String, Map<String, Object>> all = sections();
        print(System.out, all);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(file.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability summary to " + file, e);
        }
        System.out.println("reliability summary written to " + file.toAbsolutePath().normalize());
    }

    static void print(PrintStream out, Map<String, Map<String, Object>> sections) {
        out.println();
        out.println("=== reliability summary ===");
        out.printf("%-22s %-38s %s%n", "section", "figure", "value");
        sections.forEach(
                (section, figures) ->
                        figures.forEach(
                                (name, value) ->
                                        out.printf("%-22s %-38s %s%n", section, name, value)));
        out.println();
    }
}
