package dev.spinmixed.bench;

import dev.spinmixed.host.app.LinkedRuntime;
import dev.spinmixed.host.app.LocalHost;
import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.MachineCache;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The child process of the cold-start measurement: loads the app, answers one order, then prints
 * one line {@code first-answer <status> <ms from main to the answer> <JVM uptime ms> <phase>=<ms>
 * ...} and exits.
 *
 * <p>usage: {@code ColdStartProbe <spin.toml> interpreted|compiled|build-time-compiled [<machine
 * cache dir>]}. The first two start the host as {@code up} does (manifest, contract check, links,
 * server; no Redis), the machine cache keeping compiled machines between runs; the last links the
 * four modules of the orchestrated route on their build-time compiled machines ({@link
 * PrecompiledPipeline}, from the WIT and modules next to the manifest) without the host.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Path manifest = Path.of(args[0]);
        if (args[1].equals("build-time-compiled")) {
            try (PrecompiledPipeline pipeline =
                    PrecompiledPipeline.load(manifest.toAbsolutePath().getParent())) {
                long loaded = System.nanoTime();
                int status = pipeline.order(SampleOrders.typical());
                long answered = System.nanoTime();
                report(
                        status,
                        start,
                        String.format(
                                Locale.ROOT,
                                "load=%.3f first_call=%.3f",
                                (loaded - start) / 1e6,
                                (answered - loaded) / 1e6));
            }
        } else {
            ExecutionMode mode =
                    args[1].equals("compiled") ? ExecutionMode.COMPILED : ExecutionMode.INTERPRETER;
            LinkedRuntime.Settings settings = new LinkedRuntime.Settings(mode, 4);
            if (args.length > 2) {
                settings =
                        settings.withMachineCache(MachineCache.at(Path.of(args[2])).orElseThrow());
            }
            try (WasmApp app =
                    WasmApp.start(
                            manifest, settings, Optional.empty(), SpinApp.RedisOptions.SPIN)) {
                long started = System.nanoTime();
                int status = app.order(SampleOrders.typical()).status();
                long answered = System.nanoTime();
                LocalHost.StartTimes t = app.startTimes();
                double manifestMs =
                        (started - start) / 1e6 - t.contractCheckMs() - t.linkMs() - t.triggersMs();
                report(
                        status,
                        start,
                        String.format(
                                Locale.ROOT,
                                "manifest=%.3f contract_check=%.3f link=%.3f triggers=%.3f"
                                        + " first_call=%.3f",
                                manifestMs,
                                t.contractCheckMs(),
                                t.linkMs(),
                                t.triggersMs(),
                                (answered - started) / 1e6));
            }
        }
        System.exit(0);
    }

    private static void report(int status, long start, String phases) {
        double fromMain = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "first-answer %d %.3f %d %s%n",
                status,
                fromMain,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                phases);
        System.out.flush();
    }
}
