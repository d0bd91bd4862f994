package dev.spinmixed.apps;

import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.ContractCheck;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import java.nio.file.Path;

/**
 * The app build's gate, before anything is componentized: apps/spin.toml read with Spin's rules and
 * the {@link ContractCheck} run on the freshly built core modules ({@code <build>/core}), the same
 * check the JVM host and the stack make. Prints every problem and exits 1 on any.
 */
public final class StagedAppCheck {

    private StagedAppCheck() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: StagedAppCheck <apps-dir> <build-dir>");
            System.exit(2);
        }
        Path apps = Path.of(args[0]);
        AppLayout layout = AppLayout.of(apps).withCoreDir(Path.of(args[1]).resolve("core"));
        ContractCheck.Report report;
        try {
            report = ContractCheck.run(ManifestReader.read(apps.resolve("spin.toml")), layout);
        } catch (ManifestException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        if (!report.passed()) {
            report.problems().forEach(System.err::println);
            System.exit(1);
        }
    }
}
