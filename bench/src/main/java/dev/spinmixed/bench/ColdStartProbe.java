package dev.spinmixed.bench;

import dev.spinmixed.linker.ExecutionMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The child process of the cold-start measurement: loads the manifest, links the app in the given
 * mode and answers one order, then prints one line {@code first-answer <status> <ms from loading to
 * the answer> <JVM uptime ms>} and exits.
 *
 * <p>usage: {@code ColdStartProbe <spin.toml> interpreted|compiled|build-time-compiled}; the last
 * links the four modules of the orchestrated route on their build-time compiled machines ({@link
 * PrecompiledPipeline}, from the WIT and modules next to the manifest) instead of the host.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Path manifest = Path.of(args[0]);
        if (args[1].equals("build-time-compiled")) {
            try (PrecompiledPipeline pipeline =
                    PrecompiledPipeline.load(manifest.toAbsolutePath().getParent())) {
                report(pipeline.order(SampleOrders.typical()), start);
            }
        } else {
            ExecutionMode mode =
                    args[1].equals("compiled") ? ExecutionMode.COMPILED : ExecutionMode.INTERPRETER;
            try (WasmApp app = WasmApp.start(manifest, mode, Optional.empty())) {
                report(app.order(SampleOrders.typical()).status(), start);
            }
        }
        System.exit(0);
    }

    private static void report(int status, long start) {
        double fromLoad = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "first-answer %d %.3f %d%n",
                status,
                fromLoad,
                ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.flush();
    }
}
