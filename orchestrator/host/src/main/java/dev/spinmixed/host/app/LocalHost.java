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

    private final CheckedApp app;
    private final LinkedRuntime runtime;
    private final SpinApp running;

    private LocalHost(CheckedApp app, LinkedRuntime runtime, SpinApp running) {
        this.app = app;
        this.runtime = runtime;
        this.running = running;
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
        List<String> unsupported = HostSupport.unsupported(manifest);
        if (!unsupported.isEmpty()) {
            throw new ManifestException(
                    manifest.file()
                            + ": this host cannot run:\n  - "
                            + String.join("\n  - ", unsupported));
        }
        CheckedApp app = ContractCheck.run(manifest, layout).orThrow("the host did not start it");
        AtomicReference<LinkedRuntime> runtime = new AtomicReference<>();
        SpinApp running =
                SpinApp.start(
                        manifest,
                        host -> {
                            runtime.set(LinkedRuntime.create(app, host, settings));
                            return runtime.get();
                        },
                        options);
        return new LocalHost(app, runtime.get(), running);
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
