package dev.spinmixed.tests.app.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.bindgen.Bindgen;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ValidationException;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract changes under the guests and the Java side, on a copy of the app: {@code order}
 * gains a field and {@code step} gains a case. Each side's build adapts where the code does not
 * depend on the change and fails where it does, naming it; a module built from the old contract is
 * refused by the contract check. Nothing gets as far as a silent mismatch at run time.
 */
class ContractDriftTest {

    @TempDir static Path dir;

    private static AppCopy app;
    private static Path bindings;

    @BeforeAll
    static void changeTheContract() throws IOException {
        app = AppCopy.into(dir.resolve("repo"));
        app.replace(
                "apps/wit/deps/orders/types.wit",
                "        lines: list<line>,\n"
                        + "        coupon: option<string>,\n"
                        + "    }\n\n"
                        + "    record priced-line",
                "        lines: list<line>,\n"
                        + "        coupon: option<string>,\n"
                        + "        priority: u8,\n"
                        + "    }\n\n"
                        + "    record priced-line");
        app.replace(
                "apps/wit/deps/orders/types.wit",
                "        reserve,\n    }",
                "        reserve,\n        audit,\n    }");
        bindings = app.path("apps/target/bindings");
        Bindgen.main(new String[] {"guests", app.path("apps/wit").toString(), bindings.toString()});
    }

    private static AppCopy.Run buildGuest(
            String language, String world, String source, String name, String... arguments)
            throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of("bash", app.path("apps/build/build-guest.sh").toString(), source));
        command.addAll(List.of(arguments));
        command.add(app.path("apps/target/core/" + name + ".wasm").toString());
        return app.run(
                Map.of(
                        "GUEST_LANGUAGE", language,
                        "GUEST_WORLD", world,
                        "GUEST_BINDINGS", bindings.toString()),
                command.toArray(String[]::new));
    }

    private static WitResolve changedWit() {
        return WitLoader.loadDirectory(app.path("apps/wit"));
    }

    @Test
    void theCGuestAdaptsAndCarriesTheNewField() throws Exception {
        AppCopy.Run build =
                buildGuest("c", "validation-component", "apps/validation/src", "validation");
        assertEquals(0, build.exitCode(), build.output());

        Component validation =
                Component.load(
                        "validation",
                        app.path("apps/target/core/validation.wasm"),
                        changedWit().world("validation-component"));
        Record order =
                Record.of(
                        "id",
                        "o-1",
                        "customer",
                        "Ada",
                        "region",
                        "eu-de",
                        "lines",
                        List.of(
                                Record.of(
                                        "sku",
                                        "MUG-0001",
                                        "quantity",
                                        1L,
                                        "unit-price-cents",
                                        100L)),
                        "coupon",
                        Optional.empty(),
                        "priority",
                        7);
        try (Composition c = Composition.builder(validation).maxInstances(1).build()) {
            Result result =
                    (Result) c.call("acme:validation/validation@0.1.0", "validate", List.of(order));
            assertTrue(result.isOk(), result.toString());
            Record valid = (Record) result.value();
            assertEquals(7, valid.get("priority"), "the new field passes through");
            assertEquals("EU-DE", valid.get("region"));
        }
    }

    @Test
    void theAssemblyScriptGuestAdapts() throws Exception {
        AppCopy.Run build =
                buildGuest(
                        "assemblyscript",
                        "inventory-component",
                        "apps/inventory/assembly",
                        "inventory");
        assertEquals(0, build.exitCode(), build.output());
    }

    @Test
    void aRustGuestThatNeverBuildsAnOrderAdaptsOneThatDoesFailsNamingTheField() throws Exception {
        AppCopy.Run pricing =
                buildGuest("rust", "pricing-component", "apps/pricing/src/lib.rs", "pricing");
        assertEquals(0, pricing.exitCode(), pricing.output());

        AppCopy.Run orchestrator =
                buildGuest(
                        "rust",
                        "orchestrator",
                        "orchestrator/guest/orchestrator.rs",
                        "orchestrator",
                        "--extern",
                        "shared");
        assertFalse(orchestrator.exitCode() == 0, orchestrator.output());
        assertTrue(
                orchestrator.output().contains("missing field `priority`"),
                "the shared crate builds an Order from JSON: " + orchestrator.output());
        assertTrue(
                orchestrator.output().contains("apps/shared/rust/orders_json.rs"),
                orchestrator.output());
    }

    @Test
    void aModuleBuiltFromTheOldContractIsRefusedNamingItsSignature() {
        Path old = AppCopy.repository().resolve("apps/target/core/validation.wasm");
        ValidationException refused =
                assertThrows(
                        ValidationException.class,
                        () ->
                                Component.load(
                                        "validation",
                                        old,
                                        changedWit().world("validation-component")));
        assertTrue(
                refused.getMessage().contains("acme:validation/validation@0.1.0#validate"),
                refused.getMessage());
    }

    @Test
    void theJavaSideAdaptsToTheNewCaseAndFailsWhereAnOrderIsBuiltTheOldWay() throws Exception {
        Path java = dir.resolve("java");
        Bindgen.main(
                new String[] {"java", app.path("apps/wit").toString(), java.toString(), "drift"});
        String adapted =
                """
                class Adapted {
                    drift.acme.orders.types.Order order = new drift.acme.orders.types.Order(
                            "o-1", "Ada", "EU-DE", java.util.List.of(), java.util.Optional.empty(), 7);
                    drift.acme.orders.types.Step audit = drift.acme.orders.types.Step.AUDIT;
                }
                """;
        String stale =
                """
                class Stale {
                    drift.acme.orders.types.Order order = new drift.acme.orders.types.Order(
                            "o-1", "Ada", "EU-DE", java.util.List.of(), java.util.Optional.empty());
                }
                """;
        assertEquals("", compile(java, "Adapted", adapted));
        String errors = compile(java, "Stale", stale);
        assertTrue(errors.contains("constructor Order in record Order cannot be applied"), errors);
    }

    /** Compiles the generated sources with one more class; returns the compiler's errors. */
    private static String compile(Path generated, String name, String source) throws IOException {
        Path extra = dir.resolve("extra-" + name).resolve(name + ".java");
        Files.createDirectories(extra.getParent());
        Files.writeString(extra, source);
        List<String> files = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(generated)) {
            sources.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> files.add(p.toString()));
        }
        files.add(extra.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-d",
                                dir.resolve("classes-" + name).toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-proc:none"));
        args.addAll(files);
        int status =
                javac.run(
                        null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
        return status == 0 ? "" : errors.toString(StandardCharsets.UTF_8);
    }
}
