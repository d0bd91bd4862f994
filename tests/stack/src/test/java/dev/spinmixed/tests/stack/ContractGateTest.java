package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.spinmixed.infra.App;
import dev.spinmixed.infra.ContractGate;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks;
import dev.spinmixed.spinapp.ContractViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract gate on the real app build (apps/target/core, apps/target/oci) and on broken copies
 * of it: a module missing an export, a dependency wired to the wrong component, a trigger on a
 * component without the handler. A broken contract stops the program before any resource.
 */
class ContractGateTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path OCI = ROOT.resolve("apps/target/oci");
    static final String PRICE_EXPORT = "acme:pricing/pricing@0.1.0#price";

    @TempDir Path dir;

    @Test
    void theRealAppKeepsEveryContract() {
        ContractGate.check(ContractGate.Inputs.of(ROOT, OCI));
    }

    @Test
    void aModuleMissingAnExportIsNamedWithItsComponentAndFunction() throws IOException {
        Path core = copyOfTheCoreModules();
        Path pricing = core.resolve("pricing.wasm");
        // Same length, so the module stays well-formed: only the export's name changes.
        Files.write(
                pricing,
                replace(
                        Files.readAllBytes(pricing),
                        PRICE_EXPORT,
                        "acme:pricing/pricing@0.1.0#prize"));
        var real = ContractGate.Inputs.of(ROOT, OCI);
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () ->
                                ContractGate.check(
                                        new ContractGate.Inputs(
                                                real.witDir(),
                                                real.guestTable(),
                                                core,
                                                real.spinToml())));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems()
                        .get(0)
                        .startsWith(
                                "component `pricing`: world pricing-component: missing export '"
                                        + PRICE_EXPORT
                                        + "'"),
                e.problems().toString());
        assertTrue(e.getMessage().contains("nothing was deployed"), e.getMessage());
    }

    @Test
    void aModuleWithTheWrongSignatureIsNamedWithTheMismatch() throws Exception {
        Path core = copyOfTheCoreModules();
        // A pricing module whose price export takes one i32 instead of the flattened order.
        Path wat = dir.resolve("pricing.wat");
        Files.writeString(
                wat,
                """
                (module
                  (memory (export "memory") 1)
                  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
                  (func (export "acme:pricing/pricing@0.1.0#price") (param i32) (result i32) i32.const 0))
                """);
        Process wat2wasm =
                new ProcessBuilder(
                                "wat2wasm",
                                wat.toString(),
                                "-o",
                                core.resolve("pricing.wasm").toString())
                        .redirectErrorStream(true)
                        .start();
        String output =
                new String(wat2wasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, wat2wasm.waitFor(), "wat2wasm (wabt, installed by ./run setup): " + output);
        var real = ContractGate.Inputs.of(ROOT, OCI);
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () ->
                                ContractGate.check(
                                        new ContractGate.Inputs(
                                                real.witDir(),
                                                real.guestTable(),
                                                core,
                                                real.spinToml())));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(
                "component `pricing`: world pricing-component: export '"
                        + PRICE_EXPORT
                        + "' has signature (param i32) (result i32), expected (param i32 i32 i32"
                        + " i32 i32 i32 i32 i32 i32 i32 i32) (result i32)",
                e.problems().get(0));
    }

    @Test
    void aDependencyOnAComponentThatDoesNotExportTheInterfaceIsRefused() throws IOException {
        Path context =
                contextWith(
                        manifest()
                                .replace(
                                        "\"acme:pricing/pricing@0.1.0\" = { component = \"pricing\""
                                                + " }",
                                        "\"acme:pricing/pricing@0.1.0\" = { component ="
                                                + " \"inventory\" }"));
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () -> ContractGate.check(ContractGate.Inputs.of(ROOT, context)));
        assertTrue(
                e.problems()
                        .contains(
                                "component `orchestrator` dependencies: failed to resolve"
                                        + " dependencies for component \"orchestrator\":"
                                        + " dependency 'acme:pricing/pricing@0.1.0' doesn't export"
                                        + " 'acme:pricing/pricing@0.1.0' to satisfy import"
                                        + " 'acme:pricing/pricing@0.1.0' (component `inventory`"
                                        + " exports: acme:inventory/inventory@0.1.0)"),
                e.problems().toString());
    }

    @Test
    void aDependencyTheWorldDoesNotImportIsRefused() throws IOException {
        Path context =
                contextWith(
                        manifest()
                                .replace(
                                        "\"acme:validation/validation@0.1.0\" = { component ="
                                                + " \"validation\" }\n\n"
                                                + "[component.pricing-relay]",
                                        "\"acme:validation/validation@0.1.0\" = { component ="
                                                + " \"validation\" }\n"
                                                + "\"acme:pricing/pricing@0.1.0\" = { component ="
                                                + " \"pricing\" }\n\n"
                                                + "[component.pricing-relay]"));
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () -> ContractGate.check(ContractGate.Inputs.of(ROOT, context)));
        assertTrue(
                e.problems().stream()
                        .anyMatch(
                                p ->
                                        p.startsWith(
                                                "component `validation-relay` dependencies:"
                                                        + " failed to resolve dependencies for"
                                                        + " component \"validation-relay\":"
                                                        + " dependency"
                                                        + " 'acme:pricing/pricing@0.1.0' doesn't"
                                                        + " match any imports of component"
                                                        + " 'validation-relay'")),
                e.problems().toString());
    }

    @Test
    void aTriggerOnAComponentWithoutItsHandlerIsRefused() throws IOException {
        Path context =
                contextWith(
                        manifest()
                                .replace(
                                        "route = \"/hops/orders\"\ncomponent = \"hops-ingress\"",
                                        "route = \"/hops/orders\"\n"
                                                + "component = \"validation-relay\""));
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () -> ContractGate.check(ContractGate.Inputs.of(ROOT, context)));
        assertTrue(
                e.problems()
                        .contains(
                                "trigger.http (id validation-relay-http-trigger) -> component"
                                        + " `validation-relay`: Expected component to export one"
                                        + " of `wasi:http/incoming-handler@0.2.0-rc-2023-10-18`,"
                                        + " `wasi:http/incoming-handler@0.2.0-rc-2023-11-10`,"
                                        + " `wasi:http/incoming-handler@0.2.*`,"
                                        + " `wasi:http/handler@0.3.0-rc-2026-01-06`, or"
                                        + " `fermyon:spin/inbound-http` but it exported none of"
                                        + " those (world validation-relay exports:"
                                        + " fermyon:spin/inbound-redis)"),
                e.problems().toString());
    }

    @Test
    void aComponentTheGuestTableDoesNotKnowIsRefused() throws IOException {
        Path context = contextWith(manifest() + "\n[component.stray]\nsource = \"stray.wasm\"\n");
        var e =
                assertThrows(
                        ContractViolationException.class,
                        () -> ContractGate.check(ContractGate.Inputs.of(ROOT, context)));
        assertEquals(
                List.of(
                        "component `stray`: source stray.wasm stands for guest 'stray', which "
                                + ROOT.resolve("apps/build/guests.tsv")
                                + " does not list"),
                e.problems());
    }

    @Test
    void aBrokenContractStopsTheProgramBeforeAnyResourceIsDeclared() throws IOException {
        Path context =
                contextWith(
                        manifest()
                                .replace(
                                        "\"acme:inventory/inventory@0.1.0\" = { component ="
                                                + " \"inventory\" }\n\n"
                                                + "# The domain",
                                        "\"acme:inventory/inventory@0.1.0\" = { component ="
                                                + " \"pricing\" }\n\n"
                                                + "# The domain"));
        var mocks = new ProviderMocks(StackRun.VALUES);
        PulumiTest.cleanup();
        Settings settings =
                StackRun.settings(WasmRuntime.SPINKUBE, EnumSet.allOf(Wiring.class), context);
        TestResult result =
                PulumiTest.withMocks(mocks)
                        .withOptions(
                                TestOptions.builder()
                                        .projectName(Settings.PROJECT)
                                        .stackName("dev")
                                        .preview(true)
                                        .build())
                        .runTest(ctx -> App.declare(ctx, settings, ROOT, null));
        assertTrue(
                result.exceptions().stream()
                        .anyMatch(
                                e ->
                                        e instanceof ContractViolationException
                                                || e.getCause()
                                                        instanceof ContractViolationException),
                result.exceptions().toString());
        assertTrue(
                mocks.declared().stream().allMatch(d -> d.type().equals("pulumi:pulumi:Stack")),
                "declared: " + mocks.declared());
    }

    private String manifest() throws IOException {
        return Files.readString(OCI.resolve("spin.toml"));
    }

    /** An OCI build context like the real one, with the given spin.toml. */
    private Path contextWith(String spinToml) throws IOException {
        Path context = Files.createDirectories(dir.resolve("oci"));
        Files.copy(OCI.resolve("Dockerfile"), context.resolve("Dockerfile"));
        Files.writeString(context.resolve("spin.toml"), spinToml);
        return context;
    }

    private Path copyOfTheCoreModules() throws IOException {
        Path core = Files.createDirectories(dir.resolve("core"));
        try (Stream<Path> modules = Files.list(ROOT.resolve("apps/target/core"))) {
            for (Path module : modules.toList()) {
                Files.copy(module, core.resolve(module.getFileName()));
            }
        }
        return core;
    }

    /** Every occurrence of {@code from} replaced by {@code to}, which has the same length. */
    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(needle.length, replacement.length);
        byte[] out = bytes.clone();
        int found = 0;
        for (int i = 0; i + needle.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, out, i, replacement.length);
                found++;
            }
        }
        assertTrue(found > 0, "the module has no " + from);
        return out;
    }
}
