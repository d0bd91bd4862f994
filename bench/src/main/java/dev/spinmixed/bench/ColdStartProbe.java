package dev.spinmixed.bench;

import dev.spinmixed.linker.ExecutionMode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The child process of the cold-start measurement: loads the manifest, links the app in the
 * given mode and answers one order, then prints one line
 * {@code first-answer <status> <ms from manifest load> <JVM uptime ms>} and exits.
 *
 * <p>usage: {@code ColdStartProbe <spin.toml> interpreted|compiled}
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        ExecutionMode mode = args[1].equals("compiled") ? ExecutionMode.COMPILED : ExecutionMode.INTERPRETER;
        try (WasmApp app = WasmApp.start(Path.of(args[0]), mode, Optional.empty())) {
            int status = app.order(SampleOrders.typical()).status();
            double fromManifest = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "first-answer %d %.3f %d%n", status, fromManifest,
                    ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
        }
        System.exit(0);
    }
}
