package dev.spinmixed.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cold start: a fresh JVM ({@link ColdStartProbe}) per run, timed from the process start (as this
 * process launches it) to the first answered order, with where the time went: the JVM until {@code
 * main}, then the probe's phases. The median of {@code runs} runs per way of starting.
 *
 * <p>A way with caches first makes them in a run that is not timed, as the first {@code ./run up}
 * of a build does: the runtime compiler's machines ({@code MachineCache}, keyed by each module's
 * digest) and a dynamic class-data sharing archive of the classes that run loaded ({@code
 * -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}; the JVM refuses an archive that
 * does not match its class path and runs without it).
 */
public final class ColdStart {

    /** One way of starting: the probe's mode, and which caches it uses. */
    public record Way(String name, String probeMode, boolean machineCache, boolean classData) {
        boolean throughHost() {
            return !probeMode.equals("build-time-compiled");
        }
    }

    public static final List<Way> WAYS =
            List.of(
                    new Way("interpreted", "interpreted", false, false),
                    new Way("compiled", "compiled", false, false),
                    new Way("build_time_compiled", "build-time-compiled", false, false),
                    new Way("interpreted_cds", "interpreted", false, true),
                    new Way("compiled_cached_machines_cds", "compiled", true, true),
                    new Way("build_time_compiled_cds", "build-time-compiled", false, true));

    /** Medians in milliseconds; {@code phases} from the JVM's start to the first answer. */
    public record Figures(
            double fromProcessStartMs,
            double fromMainMs,
            Map<String, Double> phases,
            boolean throughHost,
            int runs) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_process_start_ms", fromProcessStartMs);
            m.put("from_main_ms", fromMainMs);
            m.put("through_host", throughHost);
            m.put("phases_ms", phases);
            m.put("runs", runs);
            return m;
        }
    }

    private ColdStart() {}

    public static Figures measure(Path repo, Path manifest, Way way, int runs, Path workDir)
            throws IOException, InterruptedException {
        String classPath = classPath(repo);
        Path cache = workDir.resolve("machines-" + way.name());
        Path archive = workDir.resolve("classes-" + way.name() + ".jsa");
        if (way.machineCache() || way.classData()) {
            List<String> first = new ArrayList<>();
            if (way.classData()) {
                first.add("-XX:ArchiveClassesAtExit=" + archive);
            }
            run(manifest, way, classPath, first, cache);
            if (way.classData() && !Files.isRegularFile(archive)) {
                throw new IllegalStateException("the first run made no archive at " + archive);
            }
            if (way.machineCache() && !holdsMachines(cache)) {
                throw new IllegalStateException("the first run stored no machine under " + cache);
            }
        }
        double[] fromProcess = new double[runs];
        double[] fromMain = new double[runs];
        Map<String, double[]> phases = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            List<String> flags = new ArrayList<>();
            if (way.classData()) {
                // -Xshare:on: a JVM that cannot map the archive fails instead of running unshared.
                flags.add("-XX:SharedArchiveFile=" + archive);
                flags.add("-Xshare:on");
            }
            Run r = run(manifest, way, classPath, flags, cache);
            fromProcess[i] = r.fromProcessMs();
            fromMain[i] = r.fromMainMs();
            phases.computeIfAbsent("jvm_until_main", k -> new double[runs])[i] =
                    r.fromProcessMs() - r.fromMainMs();
            for (Map.Entry<String, Double> p : r.phases().entrySet()) {
                phases.computeIfAbsent(p.getKey(), k -> new double[runs])[i] = p.getValue();
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        phases.forEach((k, v) -> medians.put(k, median(v)));
        return new Figures(median(fromProcess), median(fromMain), medians, way.throughHost(), runs);
    }

    private static boolean holdsMachines(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (var files = Files.walk(cache)) {
            return files.anyMatch(f -> f.toString().endsWith(".jar"));
        }
    }

    private record Run(double fromProcessMs, double fromMainMs, Map<String, Double> phases) {}

    private static Run run(Path manifest, Way way, String classPath, List<String> flags, Path cache)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(BenchMain.jvmFlags()));
        command.addAll(flags);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.addAll(
                List.of(
                        "-cp",
                        classPath,
                        ColdStartProbe.class.getName(),
                        manifest.toAbsolutePath().toString(),
                        way.probeMode()));
        if (way.machineCache()) {
            command.add(cache.toString());
        }
        long start = System.nanoTime();
        Process p =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        double fromProcess;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            fromProcess = (System.nanoTime() - start) / 1e6;
        }
        int exit = p.waitFor();
        if (line == null || !line.startsWith("first-answer 200 ") || exit != 0) {
            throw new IllegalStateException(
                    "cold-start probe ("
                            + way.name()
                            + ") failed: exit "
                            + exit
                            + ", output "
                            + line);
        }
        String[] fields = line.split(" ");
        Map<String, Double> phases = new LinkedHashMap<>();
        for (String field : Arrays.copyOfRange(fields, 4, fields.length)) {
            String[] kv = field.split("=");
            phases.put(kv[0], Double.parseDouble(kv[1]));
        }
        return new Run(fromProcess, Double.parseDouble(fields[2]), phases);
    }

    /**
     * The benchmark's own jar when it exists (class-data sharing takes jars only, and the archive
     * must match the class path), else this JVM's class path.
     */
    static String classPath(Path repo) {
        return Optional.of(repo.resolve("bench/target/benchmarks.jar"))
                .filter(Files::isRegularFile)
                .map(p -> p.toAbsolutePath().toString())
                .orElse(System.getProperty("java.class.path"));
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
