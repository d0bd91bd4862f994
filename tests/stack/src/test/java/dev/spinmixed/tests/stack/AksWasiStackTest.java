package dev.spinmixed.tests.stack;

import static dev.spinmixed.tests.stack.Json.at;
import static dev.spinmixed.tests.stack.Json.integer;
import static dev.spinmixed.tests.stack.Json.list;
import static dev.spinmixed.tests.stack.Json.map;
import static dev.spinmixed.tests.stack.Json.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.infra.AksWasiRuntime;
import dev.spinmixed.infra.Redis;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks.Declared;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * wasmRuntime=aks-wasi with the hops wiring only (the orchestrated wiring needs Spin 3), from an
 * image whose spin.toml declares no component dependencies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AksWasiStackTest {
    static final String HOPS_ONLY_SPIN_TOML =
            """
            spin_manifest_version = 2
            [application]
            name = "orders-hops"
            [[trigger.http]]
            route = "/hops/orders"
            component = "hops-ingress"
            [component.hops-ingress]
            source = "hops-ingress.wasm"
            """;

    StackRun run;

    @BeforeAll
    void deploy(@TempDir Path dir) {
        run =
                StackRun.of(
                        () ->
                                StackRun.settings(
                                        WasmRuntime.AKS_WASI,
                                        EnumSet.of(Wiring.HOPS),
                                        StackRun.buildContext(dir, HOPS_ONLY_SPIN_TOML)));
    }

    @Test
    void poolRunsTheWasmWasiWorkloadRuntimeAndIsTainted() {
        var pool =
                run.mocks
                        .one("azure-native:containerservice:AgentPool", "dev-aks-wasi-pool")
                        .inputs();
        assertEquals("WasmWasi", string(pool, "workloadRuntime"));
        assertEquals("wasi", string(pool, "agentPoolName"));
        assertEquals("User", string(pool, "mode"));
        assertEquals(List.of("spinmixed.dev/wasm=true:NoSchedule"), list(pool, "nodeTaints"));
        assertEquals(List.of("1", "3"), list(pool, "availabilityZones"));
        assertEquals(
                Map.of("environment", "dev", "project", "spin-mixed-workloads"), map(pool, "tags"));
    }

    @Test
    void noSpinKubePieceIsDeclared() {
        Set<String> types =
                run.mocks.declared().stream().map(Declared::type).collect(Collectors.toSet());
        assertTrue(
                types.stream()
                        .noneMatch(
                                t ->
                                        t.startsWith("kubernetes:helm.sh")
                                                || t.contains("spinkube.dev")
                                                || t.contains("CustomResourceDefinition")),
                types.toString());
    }

    @Test
    void hopsWiringIsADeploymentOnTheWasiPoolRunningTheImageByDigest() {
        String imageRef = StackRun.value(run.stack.image().imageRef());
        assertTrue(imageRef.endsWith("@" + StackRun.VALUES.imageDigest()), imageRef);
        List<Declared> deployments =
                run.mocks.ofType("kubernetes:apps/v1:Deployment").stream()
                        .filter(d -> !d.name().equals("dev-redis"))
                        .toList();
        assertEquals(
                List.of("dev-app-hops"),
                deployments.stream().map(Declared::name).toList(),
                "hops only");

        var pod = map(deployments.get(0).inputs(), "spec", "template", "spec");
        assertEquals(AksWasiRuntime.RUNTIME_CLASS, string(pod, "runtimeClassName"));
        assertEquals("wasmtime-spin-v2", string(pod, "runtimeClassName"));
        assertEquals(
                Map.of("kubernetes.azure.com/wasmtime-spin-v2", "true"), map(pod, "nodeSelector"));
        assertEquals(
                Map.of(
                        "key",
                        "spinmixed.dev/wasm",
                        "operator",
                        "Equal",
                        "value",
                        "true",
                        "effect",
                        "NoSchedule"),
                map(pod, "tolerations", 0));
        var container = map(pod, "containers", 0);
        assertEquals(imageRef, container.get("image"));
        Map<String, Object> env =
                list(container, "env").stream()
                        .map(e -> (Map<?, ?>) e)
                        .collect(
                                Collectors.toMap(
                                        e -> (String) e.get("name"),
                                        e ->
                                                e.containsKey("value")
                                                        ? e.get("value")
                                                        : e.get("valueFrom")));
        assertEquals(
                Map.of(
                        "secretKeyRef",
                        Map.of("name", Redis.ADDRESS_SECRET, "key", "redis_address")),
                env.get("SPIN_VARIABLE_REDIS_ADDRESS"));
        assertEquals(
                "redis.spin-mixed.svc.cluster.local:6379",
                env.get("SPIN_VARIABLE_REDIS_HOST"),
                "allowed_outbound_hosts names redis_host: host and port, no password");
        assertFalse(
                env.containsKey("SPIN_COMPONENTS_TO_RETAIN"),
                "the pool's Spin 2.6 shim has no selective deployment");
        assertEquals(
                "spin-app",
                string(
                        deployments.get(0).inputs(),
                        "spec",
                        "template",
                        "metadata",
                        "labels",
                        "app.kubernetes.io/component"),
                "Redis admits these pods");
    }

    /**
     * Ingress and relays share the pod (the shim runs every trigger of the image), and the relays
     * subscribe to Redis, so the Deployment runs one replica, never two at once.
     */
    @Test
    void theHopsDeploymentRunsExactlyOneReplicaWithoutAutoscalerOrBudget() {
        var deployment = run.mocks.one("kubernetes:apps/v1:Deployment", "dev-app-hops").inputs();
        assertEquals(1, integer(deployment, "spec", "replicas"));
        assertEquals(
                Map.of("type", "Recreate"),
                map(deployment, "spec", "strategy"),
                "a rollout stops the old pod before the new one subscribes");
        assertEquals(
                List.of(), run.mocks.ofType("kubernetes:autoscaling/v2:HorizontalPodAutoscaler"));
        assertEquals(List.of(), run.mocks.ofType("kubernetes:policy/v1:PodDisruptionBudget"));
    }

    @Test
    void serviceSelectsTheDeploymentsPods() {
        var service = run.mocks.one("kubernetes:core/v1:Service", "dev-app-hops").inputs();
        var podLabels =
                map(
                        run.mocks.one("kubernetes:apps/v1:Deployment", "dev-app-hops").inputs(),
                        "spec",
                        "template",
                        "metadata",
                        "labels");
        assertEquals("LoadBalancer", string(service, "spec", "type"));
        assertTrue(podLabels.entrySet().containsAll(map(service, "spec", "selector").entrySet()));
        assertEquals(
                "hops=http://20.0.0.10/hops/orders",
                StackRun.value(run.stack.outputs().get("appEndpoints")));
    }

    @Test
    void wasiPodsRunNonRootReadOnlyWithoutPrivilegeEscalationOrCapabilities() {
        var pod =
                map(
                        run.mocks.one("kubernetes:apps/v1:Deployment", "dev-app-hops").inputs(),
                        "spec",
                        "template",
                        "spec");
        assertEquals(
                Map.of(
                        "runAsNonRoot",
                        true,
                        "runAsUser",
                        65532.0,
                        "runAsGroup",
                        65532.0,
                        "seccompProfile",
                        Map.of("type", "RuntimeDefault")),
                map(pod, "securityContext"));
        assertEquals(
                Map.of(
                        "allowPrivilegeEscalation",
                        false,
                        "readOnlyRootFilesystem",
                        true,
                        "capabilities",
                        Map.of("drop", List.of("ALL"))),
                map(pod, "containers", 0, "securityContext"));
    }

    @Test
    void theNamespaceDeniesBothWaysAndTheAppMayReceiveHttpAndCallOnlyCoreDnsAndRedis() {
        AppNetworkPolicies.assertOnlyTheExplicitAllows(
                run.mocks,
                map(
                        run.mocks.one("kubernetes:apps/v1:Deployment", "dev-app-hops").inputs(),
                        "spec",
                        "template",
                        "metadata",
                        "labels"),
                true);
    }

    @Test
    void acrPullAndRedisPolicyAreTheSameAsInSpinKubeMode() {
        assertEquals(
                false,
                at(
                        run.mocks.ofType("azure-native:containerregistry:Registry").get(0).inputs(),
                        "adminUserEnabled"));
        assertTrue(
                run.mocks.ofType("azure-native:authorization:RoleAssignment").stream()
                        .anyMatch(
                                d ->
                                        StackRun.VALUES
                                                        .kubeletObjectId()
                                                        .equals(d.inputs().get("principalId"))
                                                && string(d.inputs(), "roleDefinitionId")
                                                        .endsWith(
                                                                "/7f951dda-4ed3-4680-a7ca-43fe172d538d")));
        var allow =
                run.mocks
                        .one(
                                "kubernetes:networking.k8s.io/v1:NetworkPolicy",
                                "dev-redis-redis-from-spin-app")
                        .inputs();
        assertEquals(
                Map.of("app.kubernetes.io/component", "spin-app"),
                map(allow, "spec", "ingress", 0, "from", 0, "podSelector", "matchLabels"));
        assertTrue(StackRun.isSecret(run.stack.outputs().get("kubeconfig")));
    }

    @Test
    void wasiPoolIsParentedToItsComponent() {
        var wasi = (AksWasiRuntime) run.stack.wasmRuntime();
        assertEquals(Set.of(wasi.wasiPool()), wasi.pulumiChildResources());
        assertTrue(run.stack.pulumiChildResources().contains(wasi));
    }
}
