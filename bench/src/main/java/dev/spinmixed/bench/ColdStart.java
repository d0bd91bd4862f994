package dev.spinmixed.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start per execution mode: a fresh JVM ({@link ColdStartProbe}) per run, timed from the
 * process start (as this process launches it) and from the manifest load, to the first answered
 * order. The median of {@code runs} runs.
 */
public final class ColdStart {

    /** Medians in milliseconds. */
    public record Figures(double fromProcessStartMs, double fromManifestLoadMs, int runs) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_process_start_ms", fromProcessStartMs);
            m.put("from_manifest_load_ms", fromManifestLoadMs);
            m.put("runs", runs);
            return m;
        }
    }

    private ColdStart() {}

    public static Figures measure(Path manifest, String mode, int runs)
            throws IOException, InterruptedException {
        double[] fromProcess = new double[runs];
        double[] fromManifest = new double[runs];
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(List.of(BenchMain.jvmFlags()));
            command.addAll(
                    List.of(
                            "-cp",
                            System.getProperty("java.class.path"),
                            ColdStartProbe.class.getName(),
                            manifest.toAbsolutePath().toString(),
                            mode));
            long start = System.nanoTime();
            Process p =
                    new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            String line;
            try (BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = out.readLine();
                fromProcess[i] = (System.nanoTime() - start) / 1e6;
            }
            int exit = p.waitFor();
            if (line == null || !line.startsWith("first-answer 200 ") || exit != 0) {
                throw new IllegalStateException(
                        "cold-start probe ("
                                + mode
                                + ") failed: exit "
                                + exit
                                + ", output "
                                + line);
            }
            fromManifest[i] = Double.parseDouble(line.split(" ")[2]);
        }
        return new Figures(median(fromProcess), median(fromManifest), runs);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
