package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spinmixed.infra.PinnedVersions;
import dev.spinmixed.infra.StackConfigFile;
import dev.spinmixed.infra.plan.ManifestSchemas;
import dev.spinmixed.infra.plan.OfflinePlan;
import dev.spinmixed.infra.plan.OfflinePlan.Plan;
import dev.spinmixed.infra.plan.OfflinePlan.PlannedObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline plan of both stack files in both runtime modes (spinkube with both wirings, and
 * aks-wasi with the hops wiring from a dependency-free manifest), on the real app build: every
 * written object is valid against the schema of the Kubernetes minor the stack deploys or its CRD,
 * and the schemas do reject broken objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflinePlanTest {
    static final Path ROOT = ContractGateTest.ROOT;
    static final Path OUT = Path.of("target/plan-test").toAbsolutePath();

    final Map<String, Plan> plans = new HashMap<>();
    ManifestSchemas schemas;

    @BeforeAll
    void planEveryStackInEveryMode() throws IOException {
        Path hopsOnly = Files.createDirectories(OUT.resolve("hops-only-context"));
        Files.copy(
                ROOT.resolve("apps/target/oci/Dockerfile"),
                hopsOnly.resolve("Dockerfile"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(hopsOnly.resolve("spin.toml"), AksWasiStackTest.HOPS_ONLY_SPIN_TOML);
        for (String stack : List.of("dev", "prod")) {
            plans.put(
                    stack + "/spinkube",
                    OfflinePlan.plan(ROOT, stack, Map.of(), OUT.resolve(stack + "-spinkube")));
            plans.put(
                    stack + "/aks-wasi",
                    OfflinePlan.plan(
                            ROOT,
                            stack,
                            Map.of(
                                    "wasmRuntime",
                                    "aks-wasi",
                                    "wirings",
                                    "hops",
                                    "appBuildContext",
                                    hopsOnly.toString()),
                            OUT.resolve(stack + "-aks-wasi")));
        }
        schemas = ManifestSchemas.forKubernetes(PinnedVersions.KUBERNETES.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev/spinkube", "prod/spinkube", "dev/aks-wasi", "prod/aks-wasi"})
    void everyObjectIsValidAgainstItsSchemaAndWrittenAsYaml(String planName) {
        Plan plan = plans.get(planName);
        assertEquals(List.of(), plan.violations(), planName);
        assertFalse(plan.objects().isEmpty());
        for (PlannedObject object : plan.objects()) {
            assertEquals(object.object(), readYaml(object.file()), object.file().toString());
        }
    }

    @Test
    void spinKubePlansHoldEveryKindTheProgramDeclares() {
        Set<String> dev =
                Set.of(
                        "v1 Namespace",
                        "v1 Secret",
                        "v1 Service",
                        "apps/v1 Deployment",
                        "networking.k8s.io/v1 NetworkPolicy",
                        "apiextensions.k8s.io/v1 CustomResourceDefinition",
                        "autoscaling/v2 HorizontalPodAutoscaler",
                        "core.spinkube.dev/v1alpha1 SpinApp",
                        "core.spinkube.dev/v1alpha1 SpinAppExecutor",
                        "runtime.spinkube.dev/v1alpha1 Shim");
        Set<String> prod = new HashSet<>(dev);
        prod.add("policy/v1 PodDisruptionBudget");
        assertEquals(dev, kinds(plans.get("dev/spinkube")), "dev keeps one replica: no budget");
        assertEquals(prod, kinds(plans.get("prod/spinkube")));
        assertEquals(21, plans.get("dev/spinkube").objects().size());
        assertEquals(23, plans.get("prod/spinkube").objects().size());
        for (String name : List.of("dev/spinkube", "prod/spinkube")) {
            assertEquals(
                    3,
                    plans.get(name).helmReleases().size(),
                    "cert-manager, runtime-class-manager, spin-operator");
        }
        assertEquals(prod, schemas.kinds(), "a schema for each kind, and no more");
    }

    @Test
    void aStackOnAKubernetesMinorWithoutBundledDefinitionsIsRefused() {
        var refused =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                OfflinePlan.plan(
                                        ROOT,
                                        "dev",
                                        Map.of("kubernetesVersion", "1.35.4"),
                                        OUT.resolve("dev-1.35")));
        assertTrue(
                refused.getMessage()
                        .contains(
                                "no schema for Kubernetes 1.35 (bundled: "
                                        + PinnedVersions.KUBERNETES.version()
                                        + ")"),
                refused.getMessage());
        assertEquals(
                PinnedVersions.KUBERNETES.version(), plans.get("prod/spinkube").kubernetesMinor());
    }

    @Test
    void aksWasiPlansRunTheHopsWiringAsADeploymentWithoutSpinKube() {
        for (String name : List.of("dev/aks-wasi", "prod/aks-wasi")) {
            Plan plan = plans.get(name);
            assertEquals(
                    Set.of(
                            "v1 Namespace",
                            "v1 Secret",
                            "v1 Service",
                            "apps/v1 Deployment",
                            "networking.k8s.io/v1 NetworkPolicy"),
                    kinds(plan),
                    name + ": one replica of the hops Deployment, so no autoscaler or budget");
            assertEquals(List.of(), plan.helmReleases());
            JsonNode hops = object(plan, "Deployment", "orders-hops");
            assertEquals(
                    "wasmtime-spin-v2", hops.at("/spec/template/spec/runtimeClassName").asText());
            assertEquals(
                    65532,
                    hops.at("/spec/template/spec/securityContext/runAsUser").asInt(),
                    "schema-checked too");
            assertTrue(
                    hops.at(
                                    "/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem")
                            .asBoolean());
        }
    }

    @Test
    void prodIsPlannedWithItsZonesReplicasAndRedisLimits() {
        Plan prod = plans.get("prod/spinkube");
        String cluster = line(prod, "azure-native:containerservice:ManagedCluster");
        assertTrue(cluster.contains("pool system: 3 x Standard_D4s_v5 zones 1,2,3"), cluster);
        String pool = line(prod, "azure-native:containerservice:AgentPool");
        assertTrue(pool.contains("count=3 vmSize=Standard_D8s_v5 availabilityZones=1,2,3"), pool);
        JsonNode autoscaler = object(prod, "HorizontalPodAutoscaler", "orders-orchestrated");
        assertEquals(3, autoscaler.at("/spec/minReplicas").asInt());
        assertEquals(10, autoscaler.at("/spec/maxReplicas").asInt());
        assertTrue(
                object(prod, "SpinApp", "orders-orchestrated")
                        .at("/spec/enableAutoscaling")
                        .asBoolean());
        assertEquals(
                1,
                object(prod, "PodDisruptionBudget", "orders-hops-ingress")
                        .at("/spec/maxUnavailable")
                        .asInt());
        assertEquals(
                "512Mi",
                object(prod, "Deployment", "redis")
                        .at("/spec/template/spec/containers/0/resources/limits/memory")
                        .asText());
        assertEquals(
                1,
                object(plans.get("dev/spinkube"), "HorizontalPodAutoscaler", "orders-hops-ingress")
                        .at("/spec/minReplicas")
                        .asInt());
        assertTrue(cluster.contains("disableLocalAccounts=true"), cluster);
        assertTrue(
                object(prod, "Shim", "spin-v2")
                        .at("/spec/containerdRuntimeOptions/SystemdCgroup")
                        .asText()
                        .equals("true"));
    }

    /**
     * In every stack and mode, whatever runs the Redis-triggered relays runs one replica and
     * nothing scales it, while each SpinKube HTTP workload scales between the stack's bounds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev/spinkube", "prod/spinkube", "dev/aks-wasi", "prod/aks-wasi"})
    void theRelaysRunOneReplicaAndOnlyTheIngressScales(String planName) {
        Plan plan = plans.get(planName);
        Map<String, String> stack =
                StackConfigFile.read(ROOT.resolve("Pulumi." + planName.split("/")[0] + ".yaml"))
                        .values();
        int min = Integer.parseInt(stack.get("appMinReplicas"));
        int max = Integer.parseInt(stack.get("appMaxReplicas"));
        boolean spinKube = planName.endsWith("spinkube");
        JsonNode relays =
                spinKube
                        ? object(plan, "SpinApp", "orders-hops-relays")
                        : object(plan, "Deployment", "orders-hops");
        assertEquals(1, relays.at("/spec/replicas").asInt(), planName);
        Set<String> scaled =
                plan.objects().stream()
                        .map(PlannedObject::object)
                        .filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
                        .map(o -> o.at("/spec/scaleTargetRef/name").asText())
                        .collect(Collectors.toSet());
        Set<String> budgeted =
                plan.objects().stream()
                        .map(PlannedObject::object)
                        .filter(o -> o.path("kind").asText().equals("PodDisruptionBudget"))
                        .map(
                                o ->
                                        o.at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                                                .asText())
                        .collect(Collectors.toSet());
        if (!spinKube) {
            assertEquals(Set.of(), scaled, planName);
            assertEquals(Set.of(), budgeted, planName);
            return;
        }
        assertFalse(relays.at("/spec/enableAutoscaling").asBoolean(), planName);
        assertEquals(Set.of("orders-orchestrated", "orders-hops-ingress"), scaled, planName);
        assertEquals(
                min >= 2 ? scaled : Set.of(),
                budgeted,
                planName + ": budgets where the ingress keeps two replicas or more");
        JsonNode ingress = object(plan, "HorizontalPodAutoscaler", "orders-hops-ingress");
        assertEquals(min, ingress.at("/spec/minReplicas").asInt());
        assertEquals(max, ingress.at("/spec/maxReplicas").asInt());
        assertTrue(
                object(plan, "SpinApp", "orders-hops-ingress")
                        .at("/spec/enableAutoscaling")
                        .asBoolean());
    }

    @Test
    void theTreeParentsEveryResourceUnderItsComponent() {
        List<OfflinePlan.PlannedResource> tree = plans.get("dev/spinkube").tree();
        var redisDeployment =
                tree.stream()
                        .filter(r -> r.type().equals("kubernetes:apps/v1:Deployment"))
                        .findFirst()
                        .orElseThrow();
        // Depth-first: the parent is the nearest line above with one level less.
        int parent = tree.indexOf(redisDeployment);
        while (tree.get(parent).depth() != redisDeployment.depth() - 1) {
            parent--;
        }
        assertEquals("spinmixed:k8s:Redis", tree.get(parent).type());
        assertEquals("pulumi:pulumi:Stack", tree.get(0).type());
        assertEquals(1, tree.stream().filter(r -> r.depth() == 0).count(), "one root: the stack");
        assertTrue(
                tree.stream()
                        .anyMatch(
                                r ->
                                        r.depth() == 1
                                                && r.type()
                                                        .equals(
                                                                "spinmixed:index:MixedWorkloadsStack")));
        assertTrue(
                redisDeployment.toString().contains("spin-mixed/redis replicas=1"),
                redisDeployment.toString());
    }

    @Test
    void spinAppsGetTheHostOnlyRedisVariableAndSecretsAreNeverWritten() throws IOException {
        JsonNode app = object(plans.get("dev/spinkube"), "SpinApp", "orders-orchestrated");
        assertTrue(
                app.at("/spec/variables")
                        .toString()
                        .contains(
                                "{\"name\":\"redis_host\",\"value\":\"redis.spin-mixed.svc.cluster.local:6379\"}"),
                app.toString());
        for (Plan plan : plans.values()) {
            for (PlannedObject object : plan.objects()) {
                String yaml = Files.readString(object.file());
                assertFalse(
                        yaml.contains(OfflinePlan.PLACEHOLDER_REDIS_PASSWORD),
                        object.file().toString());
                assertFalse(yaml.contains("redis://:"), object.file().toString());
            }
        }
    }

    @Test
    void theSchemasRejectBrokenObjects() {
        Plan dev = plans.get("dev/spinkube");
        ObjectNode redis = object(dev, "Deployment", "redis").deepCopy();
        ((ObjectNode) redis.path("spec")).put("replica", 2);
        assertViolation(redis, "replica");

        ObjectNode replicasAsText = object(dev, "Deployment", "redis").deepCopy();
        ((ObjectNode) replicasAsText.path("spec")).put("replicas", "two");
        assertViolation(replicasAsText, "replicas");

        ObjectNode noSelector = object(dev, "Deployment", "redis").deepCopy();
        ((ObjectNode) noSelector.path("spec")).remove("selector");
        assertViolation(noSelector, "selector");

        ObjectNode spinApp = object(dev, "SpinApp", "orders-hops-relays").deepCopy();
        ((ObjectNode) spinApp.path("spec")).remove("executor");
        assertViolation(spinApp, "executor");

        ObjectNode shim = object(dev, "Shim", "spin-v2").deepCopy();
        ((ObjectNode) shim.at("/spec/fetchStrategy/platforms/0")).put("arch", "sparc");
        assertViolation(shim, "arch");

        ObjectNode service = object(dev, "Service", "redis").deepCopy();
        ((ObjectNode) service.at("/spec/ports/0")).put("port", "six-three-seven-nine");
        assertViolation(service, "port");

        ObjectNode unknownKind = object(dev, "Service", "redis").deepCopy();
        unknownKind.put("kind", "Servise");
        assertViolation(unknownKind, "no schema for apiVersion v1 kind Servise");
    }

    @Test
    void theCommandLinePrintsThePlanAndExitsZeroWhenEveryObjectIsValid() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status =
                OfflinePlan.run(
                        new String[] {"prod", OUT.resolve("cli-prod").toString()},
                        ROOT,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.startsWith("Plan of stack prod"), printed);
        assertTrue(printed.contains("\n  + spinmixed:index:MixedWorkloadsStack prod\n"), printed);
        assertTrue(
                printed.contains(
                        "23 Kubernetes objects and 3 Helm releases written to "
                                + OUT.resolve("cli-prod")),
                printed);
        assertTrue(
                printed.contains(
                        "Every object is valid against its schema (Kubernetes "
                                + PinnedVersions.KUBERNETES.version()),
                printed);
        assertTrue(
                Files.isRegularFile(
                        OUT.resolve(
                                "cli-prod/objects/spinapp_spin-mixed_orders-hops-relays.yaml")));
        assertTrue(
                printed.contains(
                        "spin-mixed/orders-hops-relays replicas=1 enableAutoscaling=false"
                                + " components=validation-relay,pricing-relay,inventory-relay"),
                printed);
        assertTrue(
                Files.isRegularFile(
                        OUT.resolve("cli-prod/helm-releases/prod-spinkube-spin-operator.yaml")));
    }

    @Test
    void theCommandLineRefusesAStackWithoutAFileAndBadUsage() {
        var err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, OfflinePlan.run(new String[] {"staging"}, ROOT, System.out, errors));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .contains(
                                "plan of stack staging refused: cannot read the stack file "
                                        + ROOT.resolve("Pulumi.staging.yaml")),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, OfflinePlan.run(new String[] {"--help"}, ROOT, System.out, errors));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .contains("usage: OfflinePlan [stack] [output dir]"));
    }

    private void assertViolation(JsonNode object, String mentioned) {
        List<String> violations = schemas.validate(object);
        assertFalse(violations.isEmpty(), "accepted: " + object);
        assertTrue(violations.stream().anyMatch(v -> v.contains(mentioned)), violations.toString());
    }

    private static Set<String> kinds(Plan plan) {
        return plan.objects().stream()
                .map(
                        o ->
                                o.object().path("apiVersion").asText()
                                        + " "
                                        + o.object().path("kind").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode object(Plan plan, String kind, String name) {
        return plan.objects().stream()
                .map(PlannedObject::object)
                .filter(
                        o ->
                                o.path("kind").asText().equals(kind)
                                        && o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the plan"));
    }

    private static String line(Plan plan, String type) {
        return plan.tree().stream()
                .filter(r -> r.type().equals(type))
                .map(Object::toString)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in the tree"));
    }

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
