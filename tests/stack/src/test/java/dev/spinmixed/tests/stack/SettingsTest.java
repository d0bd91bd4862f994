package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.spinmixed.infra.ClusterAccess;
import dev.spinmixed.infra.InvalidSettingException;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.PinnedVersions;
import dev.spinmixed.infra.Settings;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stack config -> Settings: defaults, and one refusal per bad value, before any resource exists.
 */
class SettingsTest {
    static final String PASSWORD = "a-redis-password-long-enough";

    @TempDir Path root;
    Map<String, String> config;

    @BeforeEach
    void projectWithBuiltApp() throws IOException {
        PulumiTest.cleanup();
        Path oci = Files.createDirectories(root.resolve("apps/target/oci"));
        StackRun.buildContext(oci, SpinKubeStackTest.SPIN_TOML);
        config = new HashMap<>(Map.of("redisPassword", PASSWORD));
    }

    private Settings read() {
        return Settings.fromConfig(key -> Optional.ofNullable(config.get(key)), "dev", root);
    }

    @Test
    void defaultsFitASmallDevClusterRunningSpinKubeWithBothWirings() {
        Settings settings = read();
        assertEquals("dev", settings.environment());
        assertEquals("westeurope", settings.location());
        assertEquals(PinnedVersions.KUBERNETES.version(), settings.kubernetesVersion());
        assertEquals(
                ClusterAccess.ENTRA, settings.clusterAccess(), "Entra ID unless a stack opts out");
        assertEquals(1, settings.systemNodeCount());
        assertEquals(1, settings.wasmNodeCount());
        assertEquals("Standard_D2s_v5", settings.systemVmSize());
        assertEquals(WasmRuntime.SPINKUBE, settings.wasmRuntime());
        assertEquals(EnumSet.allOf(Wiring.class), settings.wirings());
        assertEquals(List.of(1, 3), List.of(settings.appMinReplicas(), settings.appMaxReplicas()));
        assertEquals(List.of(), settings.availabilityZones());
        assertEquals("250m", settings.redisCpuLimit());
        assertEquals("128Mi", settings.redisMemoryLimit());
        assertEquals("spin-mixed", settings.namespace());
        assertEquals(root.resolve("apps/target/oci"), settings.appBuildContext());
        assertEquals(PASSWORD, StackRun.value(settings.redisPassword()));
        assertTrue(StackRun.isSecret(settings.redisPassword()));
        assertEquals(List.of(), settings.warnings());
        assertFalse(
                settings.toString().contains(PASSWORD),
                "a settings dump must not reveal the password");
    }

    @Test
    void everyKeyIsRead() {
        config.putAll(
                Map.of(
                        "environment",
                        "prod",
                        "location",
                        "eastus2",
                        "kubernetesVersion",
                        "1.32.4",
                        "systemNodeCount",
                        "3",
                        "systemVmSize",
                        "Standard_D4s_v5",
                        "wasmNodeCount",
                        "2",
                        "wasmVmSize",
                        "Standard_D8s_v5",
                        "wirings",
                        "hops",
                        "appMinReplicas",
                        "4",
                        "namespace",
                        "orders"));
        config.putAll(
                Map.of(
                        "availabilityZones",
                        " 1, 2,3",
                        "redisCpuLimit",
                        "2",
                        "redisMemoryLimit",
                        "1Gi",
                        "appMaxReplicas",
                        "9",
                        "clusterAccess",
                        "local"));
        Settings settings = read();
        assertEquals(
                List.of(
                        "prod",
                        "eastus2",
                        "1.32.4",
                        3,
                        "Standard_D4s_v5",
                        2,
                        "Standard_D8s_v5",
                        EnumSet.of(Wiring.HOPS),
                        4,
                        9,
                        ClusterAccess.LOCAL,
                        "orders",
                        List.of("1", "2", "3"),
                        "2",
                        "1Gi"),
                List.of(
                        settings.environment(),
                        settings.location(),
                        settings.kubernetesVersion(),
                        settings.systemNodeCount(),
                        settings.systemVmSize(),
                        settings.wasmNodeCount(),
                        settings.wasmVmSize(),
                        settings.wirings(),
                        settings.appMinReplicas(),
                        settings.appMaxReplicas(),
                        settings.clusterAccess(),
                        settings.namespace(),
                        settings.availabilityZones(),
                        settings.redisCpuLimit(),
                        settings.redisMemoryLimit()));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("wasmRuntime", "wasmtime", "one of spinkube, aks-wasi"),
                Arguments.of("systemNodeCount", "0", "a whole number from 1 to 100"),
                Arguments.of("wasmNodeCount", "0", "a whole number from 1 to 100"),
                Arguments.of("systemNodeCount", "two", "a whole number"),
                Arguments.of("systemVmSize", "", "an Azure VM size such as Standard_D2s_v5"),
                Arguments.of("wasmVmSize", "D2s v5", "an Azure VM size such as Standard_D2s_v5"),
                Arguments.of("kubernetesVersion", "v1.33", "major.minor or major.minor.patch"),
                Arguments.of("kubernetesVersion", "latest", "major.minor or major.minor.patch"),
                Arguments.of("location", "West Europe", "an Azure region name such as westeurope"),
                Arguments.of("appMinReplicas", "0", "a whole number from 1 to 100"),
                Arguments.of(
                        "appMaxReplicas", "0", "a whole number from appMinReplicas (1) to 100"),
                Arguments.of(
                        "appMaxReplicas", "101", "a whole number from appMinReplicas (1) to 100"),
                Arguments.of("clusterAccess", "admin", "one of entra, local"),
                Arguments.of("wirings", "orchestrated,rpc", "subset of orchestrated, hops"),
                Arguments.of("wirings", "", "subset of orchestrated, hops"),
                Arguments.of("namespace", "Spin_Mixed", "a Kubernetes namespace name"),
                Arguments.of("availabilityZones", "1,4", "distinct Azure zones 1, 2, 3"),
                Arguments.of("availabilityZones", "1,1", "distinct Azure zones 1, 2, 3"),
                Arguments.of("availabilityZones", "westeurope-1", "distinct Azure zones 1, 2, 3"),
                Arguments.of("redisCpuLimit", "10m", "at least the request of 50m"),
                Arguments.of("redisCpuLimit", "1.5", "a CPU quantity such as 250m or 2"),
                Arguments.of("redisMemoryLimit", "32Mi", "at least the request of 64Mi"),
                Arguments.of("redisMemoryLimit", "512M", "a memory quantity in Mi or Gi"),
                Arguments.of("environment", "Prod", "lowercase letters, digits and '-'"),
                Arguments.of(
                        "appBuildContext",
                        "apps/target/missing",
                        "build it first with ./mvnw -B -pl apps -am package"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("badValues")
    void badValueIsRefusedNamingKeyValueAndWhatIsAccepted(
            String key, String value, String accepted) {
        config.put(key, value);
        var e = assertThrows(InvalidSettingException.class, this::read);
        assertTrue(
                e.getMessage().startsWith("Config spin-mixed-workloads:" + key + " = \""),
                e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
        assertTrue(e.getMessage().contains(accepted), e.getMessage());
    }

    @Test
    void missingRedisPasswordSaysTheExactCommand() {
        config.remove("redisPassword");
        var e = assertThrows(InvalidSettingException.class, this::read);
        assertTrue(
                e.getMessage().contains("spin-mixed-workloads:redisPassword is missing"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("`pulumi config set --secret redisPassword <value>`"),
                e.getMessage());
    }

    @Test
    void shortRedisPasswordIsRefusedWithoutEchoingIt() {
        config.put("redisPassword", "hunter2");
        var e = assertThrows(InvalidSettingException.class, this::read);
        assertTrue(
                e.getMessage().contains("redisPassword is too short: use at least 16 characters"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aksWasiRefusesTheOrchestratedWiringBecauseItNeedsSpin3() {
        config.put("wasmRuntime", "aks-wasi");
        var e = assertThrows(InvalidSettingException.class, this::read);
        assertTrue(
                e.getMessage()
                        .startsWith("Config spin-mixed-workloads:wirings = \"hops,orchestrated\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("runs Spin 2.6"), e.getMessage());
        assertTrue(e.getMessage().contains("pulumi config set wirings hops"), e.getMessage());
    }

    @Test
    void aksWasiRefusesAnImageWhoseManifestDeclaresComponentDependencies() {
        config.putAll(Map.of("wasmRuntime", "aks-wasi", "wirings", "hops"));
        var e = assertThrows(InvalidSettingException.class, this::read);
        assertTrue(
                e.getMessage().startsWith("Config spin-mixed-workloads:wasmRuntime = \"aks-wasi\""),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "declares Spin 3 component dependencies (components orchestrator)"),
                e.getMessage());
    }

    @Test
    void aksWasiWithAHopsOnlyImageIsAcceptedWithTheRetirementAndOneReplicaWarnings()
            throws IOException {
        Files.writeString(
                root.resolve("apps/target/oci/spin.toml"), AksWasiStackTest.HOPS_ONLY_SPIN_TOML);
        config.putAll(Map.of("wasmRuntime", "aks-wasi", "wirings", "hops"));
        Settings settings = read();
        assertEquals(2, settings.warnings().size());
        assertTrue(settings.warnings().get(0).contains("2025-05-05"), settings.warnings().get(0));
        assertTrue(settings.warnings().get(0).contains("Spin 2.6"));
        assertTrue(
                settings.warnings().get(1).contains("runs exactly one replica"),
                settings.warnings().get(1));
    }

    @Test
    void aBadSettingStopsTheProgramBeforeAnyResourceIsDeclared() {
        config.put("wasmRuntime", "wasmtime");
        var mocks = new ProviderMocks(StackRun.VALUES);
        TestResult result =
                PulumiTest.withMocks(mocks)
                        .withOptions(
                                TestOptions.builder()
                                        .projectName(Settings.PROJECT)
                                        .stackName("dev")
                                        .preview(true)
                                        .build())
                        .runTest(ctx -> new MixedWorkloadsStack(read(), null));
        assertTrue(
                result.exceptions().stream()
                        .anyMatch(
                                e ->
                                        e instanceof InvalidSettingException
                                                || e.getCause() instanceof InvalidSettingException),
                result.exceptions().toString());
        assertTrue(
                mocks.declared().stream().noneMatch(d -> !d.type().equals("pulumi:pulumi:Stack")),
                "declared: " + mocks.declared());
    }
}
