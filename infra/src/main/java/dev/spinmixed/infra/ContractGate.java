package dev.spinmixed.infra;

import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.ContractCheck;
import dev.spinmixed.spinapp.ContractViolationException;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to deploy an app that Spin would refuse to load or whose wasm breaks its WIT contracts,
 * before any resource is declared: the OCI context's spin.toml is read with Spin's rules and the
 * app's {@link ContractCheck} runs on the core modules the apps build componentized (the same check
 * as the app build's and the JVM host's), so a broken app fails {@code pulumi preview}, not the
 * pod.
 */
public final class ContractGate {

    /**
     * Where the contracts and the modules are.
     *
     * @param witDir the app's WIT package (apps/wit, with deps/)
     * @param guestTable guest name -> world (apps/build/guests.tsv)
     * @param coreModules the core module of each guest, {@code <name>.wasm} (apps/target/core)
     * @param spinToml the manifest that goes into the image (the OCI context's spin.toml)
     */
    public record Inputs(Path witDir, Path guestTable, Path coreModules, Path spinToml) {

        /** The apps build's layout under the repository root, for the given OCI build context. */
        public static Inputs of(Path projectRoot, Path appBuildContext) {
            AppLayout apps = AppLayout.of(projectRoot.resolve("apps"));
            return new Inputs(
                    apps.witDir(),
                    apps.guestTable(),
                    apps.coreDir(),
                    appBuildContext.resolve("spin.toml"));
        }

        AppLayout layout() {
            return new AppLayout(witDir.getParent(), coreModules, witDir, guestTable);
        }
    }

    private static final String NOTHING_DEPLOYED = "nothing was deployed";

    private ContractGate() {}

    /** Throws {@link ContractViolationException} listing every problem. */
    public static void check(Inputs inputs) {
        SpinManifest manifest;
        try {
            manifest = ManifestReader.read(inputs.spinToml());
        } catch (ManifestException e) {
            throw new ContractViolationException(
                    inputs.spinToml(),
                    List.of("Spin would refuse the manifest: " + e.getMessage()),
                    NOTHING_DEPLOYED);
        }
        ContractCheck.Report report = ContractCheck.run(manifest, inputs.layout());
        if (!report.passed()) {
            throw new ContractViolationException(
                    inputs.spinToml(), report.problems(), NOTHING_DEPLOYED);
        }
    }
}
