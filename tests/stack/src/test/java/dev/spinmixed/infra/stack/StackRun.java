package dev.spinmixed.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.sun.net.httpserver.HttpServer;
import dev.spinmixed.infra.AcrTokenExchange;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One run of the whole stack under {@link ProviderMocks}, with a local stand-in for the registry's
 * token exchange endpoint that records what the program sent and answers a refresh token.
 */
final class StackRun {
    static final String REDIS_PASSWORD = "correct-horse-battery-staple-42";
    static final String REFRESH_TOKEN = "acr-refresh-token-for-the-deployer";

    /** What the mocked providers answer; tests compare against these. */
    static final ProviderMocks.Values VALUES = ProviderMocks.Values.distinct();

    final ProviderMocks mocks = new ProviderMocks(VALUES);
    final List<String> exchangeRequests = new ArrayList<>();
    final TestResult result;
    final MixedWorkloadsStack stack;

    private StackRun(Supplier<Settings> settingsAfterCleanup) {
        HttpServer server = exchangeServer();
        try {
            var exchange =
                    new AcrTokenExchange(
                            loginServer ->
                                    URI.create(
                                            "http://127.0.0.1:"
                                                    + server.getAddress().getPort()
                                                    + "/oauth2/exchange"));
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
                                            .preview(false)
                                            .build())
                            .runTest(
                                    ctx -> {
                                        var stack = new MixedWorkloadsStack(settings, exchange);
                                        holder.set(stack);
                                        stack.outputs().forEach(ctx::export);
                                    });
            this.stack = holder.get();
            assertEquals(List.of(), result.exceptions(), "the stack run threw");
            assertEquals(List.of(), result.errors(), "the stack run logged errors");
        } finally {
            server.stop(0);
        }
    }

    static StackRun of(Supplier<Settings> settings) {
        return new StackRun(settings);
    }

    static Settings settings(WasmRuntime runtime, Set<Wiring> wirings, Path buildContext) {
        return new Settings(
                "dev",
                "westeurope",
                "1.33",
                1,
                "Standard_D2s_v5",
                2,
                "Standard_D4s_v5",
                List.of("1", "3"),
                runtime,
                wirings,
                2,
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

    private HttpServer exchangeServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/oauth2/exchange",
                    exchange -> {
                        synchronized (exchangeRequests) {
                            exchangeRequests.add(
                                    new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                        }
                        byte[] body =
                                ("{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}")
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
