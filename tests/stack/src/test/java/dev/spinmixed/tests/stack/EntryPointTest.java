package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.plan.ProviderMocks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * `pulumi preview` and `pulumi up` start the program through Pulumi's Java language host, which
 * runs Maven in the project folder (pulumi-java {@code pkg/internal/executors/executor_maven.go}
 * for the commands, {@code pkg/cmd/pulumi-language-java/main.go} for the working directory and
 * environment): first the plugin discovery, whose stdout must be the JSON list of provider plugins,
 * then the program run with the engine's address and the stack's config in {@code PULUMI_*}
 * variables. This test runs exactly those two commands in a clean checkout (nothing built), the run
 * against {@link FakeEngine} as a preview of the dev stack, so a change that breaks the entry point
 * (the POMs, Pulumi.yaml, App.main) fails here rather than on the first preview.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryPointTest {
    /** The language host's PluginArgs, run with ./mvnw in the project folder. */
    static final List<String> PLUGIN_DISCOVERY =
            List.of(
                    "-Dorg.slf4j.simpleLogger.logFile=System.err",
                    "--no-transfer-progress",
                    "compile",
                    "exec:java",
                    "-DmainClass=com.pulumi.bootstrap.internal.Main",
                    "-DmainArgs=packages");

    /** The language host's RunArgs. */
    static final List<String> PROGRAM_RUN =
            List.of(
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "--no-transfer-progress",
                    "compile",
                    "exec:java");

    static final String STACK = "dev";
    static final Duration TIMEOUT = Duration.ofMinutes(20);
    static final Path WORK = Path.of("target/entry-point").toAbsolutePath();

    Path checkout;

    record Result(int exitCode, String stdout, Path log, Duration took) {}

    @BeforeAll
    void cleanCheckout() {
        checkout = CleanCheckout.copy(ContractGateTest.ROOT, WORK.resolve("checkout"));
    }

    @Test
    @Order(1)
    void pluginDiscoveryPrintsOnlyTheProviderPluginsOfTheProgram() throws Exception {
        Result discovery = maven("plugin-discovery", PLUGIN_DISCOVERY, Map.of());
        assertEquals(0, discovery.exitCode(), "plugin discovery failed, see " + discovery.log());
        JsonNode plugins = new ObjectMapper().readTree(discovery.stdout());
        Map<String, String> found = new TreeMap<>();
        for (JsonNode plugin : plugins) {
            assertTrue(plugin.path("resource").asBoolean(), plugin.toString());
            found.put(plugin.path("name").asText(), plugin.path("version").asText());
        }
        assertEquals(providerSdkPlugins(), found, "stdout: " + discovery.stdout());
    }

    @Test
    @Order(2)
    void aPreviewOfTheDevStackRunsTheProgramAgainstTheEngine() throws Exception {
        ProviderMocks mocks = new ProviderMocks(ProviderMocks.Values.placeholders());
        try (FakeEngine engine = new FakeEngine(Settings.PROJECT, STACK, mocks)) {
            PulumiConfig config = PulumiConfig.of(ContractGateTest.ROOT, STACK);
            Map<String, String> env = new TreeMap<>();
            // What pulumi-language-java's constructEnv sets for a preview.
            env.put("PULUMI_MONITOR", engine.address());
            env.put("PULUMI_ENGINE", engine.address());
            env.put("PULUMI_ORGANIZATION", "organization");
            env.put("PULUMI_PROJECT", Settings.PROJECT);
            env.put("PULUMI_STACK", STACK);
            env.put("PULUMI_PWD", checkout.toString());
            env.put("PULUMI_DRY_RUN", "true");
            env.put("PULUMI_PARALLEL", "16");
            env.put("PULUMI_CONFIG", config.json());
            env.put("PULUMI_CONFIG_SECRET_KEYS", config.secretKeysJson());
            Result run = maven("program-run", PROGRAM_RUN, env);

            assertEquals(0, run.exitCode(), "the program run failed, see " + run.log());
            assertEquals(List.of(), engine.errors(), "errors the program logged");
            Set<String> types =
                    engine.registered().stream()
                            .map(FakeEngine.Registered::type)
                            .collect(Collectors.toSet());
            assertTrue(
                    types.containsAll(
                            Set.of(
                                    FakeEngine.STACK_TYPE,
                                    MixedWorkloadsStack.TYPE,
                                    "azure-native:containerservice:ManagedCluster",
                                    "docker:index/image:Image",
                                    "kubernetes:core.spinkube.dev/v1alpha1:SpinApp")),
                    types.toString());
            assertEquals(
                    Set.of(
                            "resourceGroupName",
                            "clusterName",
                            "registryLoginServer",
                            "imageRef",
                            "appEndpoints",
                            "kubeconfig"),
                    engine.outputsOf(engine.rootUrn()).keySet(),
                    "the stack outputs");
            // Registration options reach only the engine, so only this test sees them.
            assertEquals(
                    List.of(List.of("agentPoolProfiles")),
                    engine.registered().stream()
                            .filter(
                                    r ->
                                            r.type()
                                                    .equals(
                                                            "azure-native:containerservice:ManagedCluster"))
                            .map(FakeEngine.Registered::ignoreChanges)
                            .toList(),
                    "the inline system pool is left as created (pulumi-azure-native #2719)");
            assertEquals(
                    List.of(),
                    mocks.invokes().stream()
                            .filter(token -> token.endsWith(":getClientToken"))
                            .toList(),
                    "a preview asks Azure for no access token");
        }
    }

    /** What each provider SDK on the program's classpath says its plugin is. */
    private static Map<String, String> providerSdkPlugins() throws IOException {
        Map<String, String> plugins = new TreeMap<>();
        for (String sdk : List.of("azure-native", "kubernetes", "docker")) {
            try (InputStream in =
                    EntryPointTest.class.getResourceAsStream(
                            "/com/pulumi/" + sdk + "/plugin.json")) {
                JsonNode plugin = new ObjectMapper().readTree(in);
                plugins.put(plugin.path("name").asText(), plugin.path("version").asText());
            }
        }
        return plugins;
    }

    /** Runs ./mvnw with {@code args} in the checkout, as the language host does; logs to target. */
    private Result maven(String name, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("./mvnw");
        command.addAll(args);
        Path log = WORK.resolve(name + ".log");
        Path out = WORK.resolve(name + ".stdout");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(checkout.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PULUMI_"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + TIMEOUT + ", see " + log);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String stdout = Files.readString(out);
        // The figure the README quotes for the entry point.
        System.out.printf(
                "entry point: %s (%s) took %.1f s%n",
                name, String.join(" ", command), took.toMillis() / 1000.0);
        return new Result(process.exitValue(), stdout, log, took);
    }
}
