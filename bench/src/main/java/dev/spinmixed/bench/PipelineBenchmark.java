package dev.spinmixed.bench;

import dev.spinmixed.bench.java.OrderPipeline;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.linker.ExecutionMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One order through validate -> price -> reserve, in the JVM: the orchestrator guest on Chicory
 * through the host's runtime (runtime compiler or interpreter; the final event goes to the host's
 * in-memory sink), on build-time compiled machines linked directly, and the plain Java pipeline.
 * Sampled per call, so the percentiles are per order.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {

    /** System property naming the manifest, handed to JMH's forks. */
    static final String MANIFEST_PROPERTY = "bench.manifest";

    /** The app in-process, linked in one execution mode. */
    @State(Scope.Benchmark)
    public static class Wasm {
        final byte[] order = SampleOrders.typical();
        WasmApp app;

        @Param({"compiled", "interpreted"})
        public String mode;

        @Setup(Level.Trial)
        public void start() {
            Path manifest = Path.of(System.getProperty(MANIFEST_PROPERTY, "apps/spin.toml"));
            app =
                    WasmApp.start(
                            manifest,
                            mode.equals("compiled")
                                    ? ExecutionMode.COMPILED
                                    : ExecutionMode.INTERPRETER,
                            Optional.empty());
            requireCompleted(app.order(order).status(), "the orchestrator (" + mode + ")");
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /**
     * The orchestrated route's four modules on machines compiled at build time, linked directly.
     */
    @State(Scope.Benchmark)
    public static class Precompiled {
        final byte[] order = SampleOrders.typical();
        PrecompiledPipeline pipeline;

        @Setup(Level.Trial)
        public void start() throws java.io.IOException {
            Path manifest = Path.of(System.getProperty(MANIFEST_PROPERTY, "apps/spin.toml"));
            pipeline = PrecompiledPipeline.load(manifest.toAbsolutePath().getParent());
            requireCompleted(pipeline.order(order), "the build-time compiled pipeline");
        }

        @TearDown(Level.Trial)
        public void stop() {
            pipeline.close();
        }
    }

    /** The plain Java pipeline. */
    @State(Scope.Benchmark)
    public static class Java {
        final byte[] order = SampleOrders.typical();
        final OrderPipeline pipeline = new OrderPipeline();

        @Setup(Level.Trial)
        public void check() {
            requireCompleted(pipeline.handle(order).status(), "the plain Java pipeline");
        }
    }

    static void requireCompleted(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException(
                    what + " answered " + status + " to the timed order; expected 200");
        }
    }

    @Benchmark
    public GuestResponse orchestrated(Wasm wasm) {
        return wasm.app.order(wasm.order);
    }

    @Benchmark
    public int buildTimeCompiled(Precompiled precompiled) {
        return precompiled.pipeline.order(precompiled.order);
    }

    @Benchmark
    public OrderPipeline.Answer plainJava(Java java) {
        return java.pipeline.handle(java.order);
    }
}
