package dev.spinmixed.host.app;

import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.CheckedApp;
import dev.spinmixed.spinapp.ContractCheck;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way to start the local host from a manifest, used by {@code up}, the tests and the
 * benchmarks: reads the manifest with Spin's rules, refuses what this host cannot run, checks the
 * app's contracts and composition ({@link ContractCheck}), links each triggered component and
 * starts the triggers.
 */
public final class LocalHost implements AutoCloseable {

    /**
     * Where a start's milliseconds went: checking the app's contracts (WIT, core modules, Spin's
     * composition rules), linking the compositions, and starting the server and triggers. The first
     * instance of each composition is made by the first call, not here.
     */
    public record StartTimes(double contractCheckMs, double linkMs, double triggersMs) {}

    private final CheckedApp app;
    private final LinkedRuntime runtime;
    private final SpinApp running;
    private final StartTimes times;

    private LocalHost(CheckedApp app, LinkedRuntime runtime, SpinApp running, StartTimes times) {
        this.app = app;
        this.runtime = runtime;
        this.running = running;
        this.times = times;
    }

    public static LocalHost start(
            Path manifestFile,
            AppLayout layout,
            LinkedRuntime.Settings settings,
            SpinApp.Options options) {
        return start(ManifestReader.read(manifestFile), layout, settings, options);
    }

    public static LocalHost start(
            SpinManifest manifest,
            AppLayout layout,
            LinkedRuntime.Settings settings,
            SpinApp.Options options) {
        long start = System.nanoTime();
        List<String> unsupported = HostSupport.unsupported(manifest);
        if (!unsupported.isEmpty()) {
            throw new ManifestException(
                    manifest.file()
                            + ": this host cannot run:\n  - "
                            + String.join("\n  - ", unsupported));
        }
        CheckedApp app =
                ContractCheck.run(manifest, layout, settings.machineCache())
                        .orThrow("the host did not start it");
        long checked = System.nanoTime();
        AtomicReference<LinkedRuntime> runtime = new AtomicReference<>();
        long[] linking = new long[1];
        SpinApp running =
                SpinApp.start(
                        manifest,
                        host -> {
                            long t = System.nanoTime();
                            runtime.set(LinkedRuntime.create(app, host, settings));
                            linking[0] = System.nanoTime() - t;
                            return runtime.get();
                        },
                        options);
        long end = System.nanoTime();
        StartTimes times =
                new StartTimes(
                        (checked - start) / 1e6,
                        linking[0] / 1e6,
                        (end - checked - linking[0]) / 1e6);
        return new LocalHost(app, runtime.get(), running, times);
    }

    public StartTimes startTimes() {
        return times;
    }

    public CheckedApp app() {
        return app;
    }

    public LinkedRuntime runtime() {
        return runtime;
    }

    public SpinApp spinApp() {
        return running;
    }

    @Override
    public void close() {
        running.close();
    }
}
