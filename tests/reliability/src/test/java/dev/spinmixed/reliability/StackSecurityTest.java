package dev.spinmixed.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.sun.net.httpserver.HttpServer;
import dev.spinmixed.infra.AcrTokenExchange;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.Settings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack's security properties, read from a run of the real program under Pulumi mocks (as
 * tests/stack does), with the dev stack's config: Redis has no public endpoint, the registry's
 * admin user is off, the kubelet pulls by identity (AcrPull), secrets leave the program only as
 * secret outputs or inside Kubernetes Secrets, the container workloads run non-root with a
 * read-only root filesystem and no privilege escalation, and the app namespace denies ingress by
 * default with explicit allows.
 */
@ExtendWith(SummaryExtension.class)
class StackSecurityTest {

    static final String REDIS_PASSWORD = "reliability-suite-redis-password-7";
    static final String ACR_PULL_ROLE = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    static StackRecorder recorder;
    static Map<String, Output<?>> outputs;
    static Summary summary;
    static final List<String> checks = new ArrayList<>();

    @BeforeAll
    static void runTheStack(Summary s) throws Exception {
        summary = s;
        Path root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        Map<String, String> config = Map.of("wasmRuntime", "spinkube", "wirings", "orchestrated,hops",
                "redisPassword", REDIS_PASSWORD);
        HttpServer exchange = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exchange.createContext("/oauth2/exchange", x -> {
            byte[] body = "{\"refresh_token\":\"acr-refresh-token\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        exchange.start();
        try {
            recorder = new StackRecorder();
            AtomicReference<MixedWorkloadsStack> stack = new AtomicReference<>();
            PulumiTest.cleanup();
            Settings settings = Settings.fromConfig(key -> Optional.ofNullable(config.get(key)), "dev", root);
            var tokens = new AcrTokenExchange(login -> URI.create("http://127.0.0.1:" + exchange.getAddress().getPort() + "/oauth2/exchange"));
            TestResult result = PulumiTest.withMocks(recorder)
                    .withOptions(TestOptions.builder().projectName(Settings.PROJECT).stackName("dev").preview(false).build())
                    .runTest(ctx -> {
                        stack.set(new MixedWorkloadsStack(settings, tokens));
                        stack.get().outputs().forEach(ctx::export);
                    });
            assertEquals(List.of(), result.exceptions(), "the stack run threw");
            outputs = stack.get().outputs();
        } finally {
            exchange.stop(0);
        }
    }

    @AfterAll
    static void record() {
        summary.put("stack-security", "checks passed", List.copyOf(checks));
    }

    @Test
    void redisHasNoPublicEndpoint() {
        List<StackRecorder.Declared> services = recorder.ofType(SERVICE);
        StackRecorder.Declared redis = services.stream().filter(s -> name(s).equals("redis")).findFirst().orElseThrow();
        assertEquals("ClusterIP", spec(redis).get("type"), "the Redis Service is cluster-internal");
        for (StackRecorder.Declared s : services) {
            Object type = spec(s).getOrDefault("type", "ClusterIP");
            if (!type.equals("ClusterIP")) {
                assertFalse(String.valueOf(spec(s).get("ports")).contains("6379"), "service " + name(s) + " (" + type + ") exposes Redis' port");
                assertFalse(String.valueOf(spec(s).get("selector")).contains("redis"), "service " + name(s) + " (" + type + ") selects Redis");
            }
        }
        checks.add("Redis: ClusterIP only, no public Service selects it or its port");
    }

    @Test
    void theRegistryAdminUserIsDisabled() {
        List<StackRecorder.Declared> registries = recorder.ofType("azure-native:containerregistry:Registry");
        assertEquals(1, registries.size());
        assertEquals(false, registries.get(0).inputs().get("adminUserEnabled"));
        checks.add("registry: admin user disabled");
    }

    @Test
    void theKubeletPullsByIdentityWithAcrPull() {
        List<StackRecorder.Declared> assignments = recorder.ofType("azure-native:authorization:RoleAssignment");
        boolean found = assignments.stream().anyMatch(a ->
                String.valueOf(a.inputs().get("roleDefinitionId")).endsWith("/roleDefinitions/" + ACR_PULL_ROLE)
                        && StackRecorder.KUBELET_OBJECT_ID.equals(a.inputs().get("principalId"))
                        && "ServicePrincipal".equals(a.inputs().get("principalType")));
        assertTrue(found, "an AcrPull role assignment to the kubelet identity, among " + assignments.stream().map(StackRecorder.Declared::inputs).toList());
        assertTrue(recorder.ofType("kubernetes:core/v1:Secret").stream().noneMatch(s ->
                "kubernetes.io/dockerconfigjson".equals(s.inputs().get("type"))), "no image pull secret: pulls go by identity");
        checks.add("AcrPull role to the kubelet identity, no image pull secret");
    }

    @Test
    void secretsLeaveTheProgramOnlyAsSecretOutputsOrInsideKubernetesSecrets() {
        assertTrue(isSecret(outputs.get("kubeconfig")), "kubeconfig is a secret output");
        for (var o : outputs.entrySet()) {
            String value = String.valueOf(PulumiTest.extractValue(o.getValue()));
            if (value.contains(REDIS_PASSWORD) || value.contains("kind: Config")) {
                assertTrue(isSecret(o.getValue()), "output " + o.getKey() + " holds a secret but is not a secret output");
            }
        }
        for (StackRecorder.Declared d : recorder.declared()) {
            boolean holdsPassword = String.valueOf(d.inputs()).contains(REDIS_PASSWORD)
                    || String.valueOf(d.inputs()).contains(java.net.URLEncoder.encode(REDIS_PASSWORD, StandardCharsets.UTF_8));
            if (holdsPassword) {
                assertEquals("kubernetes:core/v1:Secret", d.type(), d.type() + " " + d.name() + " holds the Redis password in its inputs");
            }
        }
        checks.add("secrets: kubeconfig a secret output; the Redis password only inside Kubernetes Secrets");
    }

    @Test
    void containerWorkloadsRunNonRootReadOnlyWithoutPrivilegeEscalation() {
        int checked = 0;
        for (String type : List.of("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet")) {
            for (StackRecorder.Declared d : recorder.ofType(type)) {
                Map<String, Object> pod = map(map(spec(d).get("template")).get("spec"));
                boolean podNonRoot = Boolean.TRUE.equals(map(pod.get("securityContext")).get("runAsNonRoot"));
                for (Object c : (List<?>) pod.get("containers")) {
                    Map<String, Object> sc = map(map(c).get("securityContext"));
                    String where = type + " " + d.name() + " container " + map(c).get("name");
                    assertTrue(podNonRoot || Boolean.TRUE.equals(sc.get("runAsNonRoot")), where + ": runAsNonRoot");
                    assertEquals(false, sc.get("allowPrivilegeEscalation"), where + ": allowPrivilegeEscalation");
                    assertEquals(true, sc.get("readOnlyRootFilesystem"), where + ": readOnlyRootFilesystem");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "the stack runs container workloads (Redis)");
        checks.add("pods: " + checked + " container(s) non-root, read-only root filesystem, no privilege escalation");
    }

    @Test
    void theAppNamespaceDeniesIngressByDefaultWithExplicitAllows() {
        List<StackRecorder.Declared> policies = recorder.ofType(NETWORK_POLICY);
        StackRecorder.Declared deny = policies.stream()
                .filter(p -> map(spec(p).get("podSelector")).isEmpty() && spec(p).get("ingress") == null
                        && String.valueOf(spec(p).get("policyTypes")).contains("Ingress"))
                .findFirst().orElseThrow(() -> new AssertionError("no default-deny NetworkPolicy (empty podSelector, no ingress rule)"));
        String namespace = (String) map(deny.inputs().get("metadata")).get("namespace");
        List<StackRecorder.Declared> allows = policies.stream().filter(p -> p != deny).toList();
        assertTrue(allows.size() >= 2, "explicit allows for the app's HTTP and for Redis from the app");
        for (StackRecorder.Declared allow : allows) {
            assertEquals(namespace, map(allow.inputs().get("metadata")).get("namespace"));
            assertFalse(map(spec(allow).get("podSelector")).isEmpty(), "allow " + name(allow) + " selects specific pods");
            assertTrue(spec(allow).get("ingress") instanceof List<?> rules && !rules.isEmpty(), "allow " + name(allow) + " names what it admits");
        }
        checks.add("network: default-deny ingress in namespace " + namespace + ", " + allows.size() + " explicit allows");
    }

    private static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().join();
    }

    private static String name(StackRecorder.Declared d) {
        return String.valueOf(map(d.inputs().get("metadata")).get("name"));
    }

    private static Map<String, Object> spec(StackRecorder.Declared d) {
        return map(d.inputs().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
