package dev.spinmixed.tests.spinapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.CheckedApp;
import dev.spinmixed.spinapp.ContractCheck;
import dev.spinmixed.spinapp.manifest.DependencyName;
import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The app's own spin.toml and built core modules under Spin's rules. */
class AppManifestRulesTest {

    static final Path APPS = Path.of("../../apps").toAbsolutePath().normalize();

    @Test
    void noComponentTakesTwoDependenciesFromOnePackage() {
        SpinManifest manifest = ManifestReader.read(APPS.resolve("spin.toml"));
        for (ManifestComponent c : manifest.components().values()) {
            Set<String> packages = new HashSet<>();
            for (DependencyName name : c.dependencies().keySet()) {
                assertTrue(
                        packages.add(name.registrationKey()),
                        "component "
                                + c.id()
                                + " has two dependencies from "
                                + name.registrationKey());
            }
        }
    }

    @Test
    void theAppsManifestAndItsBuiltContextPassTheContractCheck() {
        for (Path manifest :
                List.of(APPS.resolve("spin.toml"), APPS.resolve("target/oci/spin.toml"))) {
            ContractCheck.Report report =
                    ContractCheck.run(ManifestReader.read(manifest), AppLayout.of(APPS));
            assertTrue(report.passed(), manifest + ": " + report.problems());
        }
    }

    @Test
    void theOrchestratorComposesItsThreeStepsEachFromItsOwnPackage() {
        CheckedApp app =
                ContractCheck.run(
                                ManifestReader.read(APPS.resolve("spin.toml")), AppLayout.of(APPS))
                        .orThrow("the test cannot run");
        assertEquals(
                List.of(
                        "acme:inventory/inventory@0.1.0 <- component `inventory`",
                        "acme:pricing/pricing@0.1.0 <- component `pricing`",
                        "acme:validation/validation@0.1.0 <- component `validation`"),
                app.links("orchestrator").stream()
                        .map(l -> l.rule().importName() + " <- " + l.rule().dependency())
                        .toList());
        // No dependency of the app imports anything Spin's deny-all adapter would take over.
        app.links().values().stream()
                .flatMap(List::stream)
                .forEach(l -> assertEquals(List.of(), l.rule().deniedImports()));
    }

    @Test
    void aRedisTriggerOnAComponentWithoutItsHandlerIsRefused() throws Exception {
        String manifest =
                java.nio.file.Files.readString(APPS.resolve("spin.toml"))
                        .replace(
                                "channel = \"{{ orders_validate_channel }}\"\n"
                                        + "component = \"validation-relay\"",
                                "channel = \"{{ orders_validate_channel }}\"\n"
                                        + "component = \"hops-ingress\"");
        ContractCheck.Report report =
                ContractCheck.run(
                        ManifestReader.parse(manifest, APPS.resolve("spin.toml")),
                        AppLayout.of(APPS));
        assertTrue(
                report.problems().stream()
                        .anyMatch(
                                p ->
                                        p.contains("-> component `hops-ingress`")
                                                && p.contains(
                                                        "no exported instance named"
                                                                + " `fermyon:spin/inbound-redis`")),
                report.problems().toString());
    }
}
