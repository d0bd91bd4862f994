package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.spinmixed.infra.ClusterAccess;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One run of the whole stack under {@link ProviderMocks}, with {@link FakeRegistry} playing the
 * registry's token server, as an {@code up} (or a preview, which asks the registry for nothing).
 */
final class StackRun {
    static final String REDIS_PASSWORD = "correct-horse-battery-staple-42";
    static final String REFRESH_TOKEN = FakeRegistry.REFRESH_TOKEN;

    /** What the mocked providers answer; tests compare against these. */
    static final ProviderMocks.Values VALUES = ProviderMocks.Values.distinct();

    /** How a run is made: an {@code up} or a preview, and when the registry grants the push. */
    record Mode(boolean preview, int grantPushFrom, Duration pushWait) {
        static final Mode UP = new Mode(false, 1, Duration.ofMinutes(1));
        static final Mode PREVIEW = new Mode(true, 1, Duration.ofMinutes(1));
    }

    final ProviderMocks mocks = new ProviderMocks(VALUES);
    final List<Map<String, String>> exchangeRequests;
    final List<Map<String, String>> tokenRequests;
    final List<String> progress = new ArrayList<>();
    final TestResult result;
    final MixedWorkloadsStack stack;

    private StackRun(Supplier<Settings> settingsAfterCleanup, Mode mode) {
        try (FakeRegistry registry = new FakeRegistry(mode.grantPushFrom())) {
            var exchange = registry.client(mode.pushWait(), progress);
            var holder = new AtomicReference<MixedWorkloadsStack>();
            // Outputs made before a cleanup belong to the previous run's engine, so the settings
            // (which hold an Output) are built after it.
            PulumiTest.cleanup();
            Settings settings = settingsAfterCleanup.get();
            this.result =
                    PulumiTest.withMocks(mocks)
                            .withOptions(
                                    TestOptions.builder()
                                            .projectName(Settings.PROJECT)
                                            .stackName("dev")
                                            .preview(mode.preview())
                                            .build())
                            .runTest(
                                    ctx -> {
                                        var stack = new MixedWorkloadsStack(settings, exchange);
                                        holder.set(stack);
                                        stack.outputs().forEach(ctx::export);
                                    });
            this.stack = holder.get();
            this.exchangeRequests = registry.exchanges();
            this.tokenRequests = registry.tokenRequests();
        }
    }

    /** An {@code up} that must succeed. */
    static StackRun of(Supplier<Settings> settings) {
        StackRun run = new StackRun(settings, Mode.UP);
        run.assertSucceeded();
        return run;
    }

    /** A run in {@code mode}, successful or not. */
    static StackRun of(Supplier<Settings> settings, Mode mode) {
        return new StackRun(settings, mode);
    }

    void assertSucceeded() {
        assertEquals(List.of(), result.exceptions(), "the stack run threw");
        assertEquals(List.of(), result.errors(), "the stack run logged errors");
    }

    static Settings settings(WasmRuntime runtime, Set<Wiring> wirings, Path buildContext) {
        return new Settings(
                "dev",
                "westeurope",
                "1.36",
                ClusterAccess.ENTRA,
                1,
                "Standard_D2s_v5",
                2,
                "Standard_D4s_v5",
                List.of("1", "3"),
                runtime,
                wirings,
                2,
                5,
                "500m",
                "256Mi",
                "spin-mixed",
                buildContext,
                Output.ofSecret(REDIS_PASSWORD));
    }

    /** An OCI build context as the apps build lays it out, with the given spin.toml. */
    static Path buildContext(Path dir, String spinToml) {
        try {
            Files.writeString(
                    dir.resolve("Dockerfile"),
                    "FROM scratch\nCOPY spin.toml /spin.toml\nCOPY *.wasm /\n");
            Files.writeString(dir.resolve("spin.toml"), spinToml);
            Files.write(
                    dir.resolve("orchestrator.wasm"),
                    new byte[] {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00});
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T value(Output<T> output) {
        return PulumiTest.extractValue(output);
    }

    static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().join();
    }

    /** Every resource under {@code parent}, transitively. */
    static List<Resource> descendants(Resource parent) {
        List<Resource> all = new ArrayList<>();
        for (Resource child : parent.pulumiChildResources()) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
    }
}
