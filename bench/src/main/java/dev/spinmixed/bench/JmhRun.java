package dev.spinmixed.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link PipelineBenchmark} with JMH and returns per-order latency per way: java, compiled,
 * interpreted, build-time-compiled.
 */
public final class JmhRun {

    private JmhRun() {}

    public static Map<String, Latency> run(Path manifest, boolean quick) throws RunnerException {
        Options options =
                new OptionsBuilder()
                        .include(PipelineBenchmark.class.getName())
                        .forks(1)
                        // Chicory's compiled code reaches its steady state only after HotSpot has
                        // compiled the
                        // (large) generated methods: measured here, 15-20 s of calls on a busy
                        // 2-core machine.
                        .warmupIterations(quick ? 1 : 10)
                        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                        .measurementIterations(quick ? 1 : 5)
                        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                        .jvmArgsAppend(
                                BenchMain.jvmFlags(
                                        "-D"
                                                + PipelineBenchmark.MANIFEST_PROPERTY
                                                + "="
                                                + manifest.toAbsolutePath()))
                        .shouldFailOnError(true)
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Latency> byWay = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method =
                    r.getParams()
                            .getBenchmark()
                            .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            String way =
                    switch (method) {
                        case "plainJava" -> "java";
                        case "buildTimeCompiled" -> "build-time-compiled";
                        default -> r.getParams().getParam("mode");
                    };
            Statistics s = r.getPrimaryResult().getStatistics();
            double mean = s.getMean();
            byWay.put(
                    way,
                    new Latency(
                            s.getPercentile(50),
                            s.getPercentile(90),
                            s.getPercentile(99),
                            mean,
                            1e6 / mean,
                            s.getN()));
        }
        return byWay;
    }
}
