package dev.spinmixed.tests.reliability;

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
import dev.spinmixed.infra.SpinAppImage;
import dev.spinmixed.infra.plan.ProviderMocks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's security properties, read from runs of the real program under Pulumi mocks (as
 * tests/stack does) with the dev stack's config: spinkube with both wirings, and for pod security
 * and NetworkPolicies also aks-wasi with the hops wiring (from a dependency-free manifest, as that
 * mode requires). Redis has no public endpoint, the registry's admin user is off, the kubelet pulls
 * by identity (AcrPull), secrets leave the program only as secret outputs or inside Kubernetes
 * Secrets, the Deployments (Redis, the aks-wasi app) run non-root with a read-only root filesystem,
 * no privilege escalation, no capabilities and the default seccomp profile, and the app namespace
 * denies ingress and egress by default with explicit allows: HTTP into the app, the app out to
 * CoreDNS and Redis, Redis in from the app only.
 */
@ExtendWith(SummaryExtension.class)
class StackSecurityTest {

    static final String REDIS_PASSWORD = "reliability-suite-redis-password-7";
    static final String ACR_PULL_ROLE = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
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

    /** One run of the program: what it declared and what it exported. */
    record Run(String mode, ProviderMocks recorder, Map<String, Output<?>> outputs) {}

    /** What the mocked providers answer; tests compare against these. */
    static final ProviderMocks.Values VALUES = ProviderMocks.Values.distinct();

    static ProviderMocks recorder;
    static Map<String, Output<?>> outputs;
    static List<Run> runs;
    static Summary summary;
    static final List<String> checks = new ArrayList<>();
    @TempDir static Path hopsOnlyContext;

    @BeforeAll
    static void runTheStack(Summary s) throws Exception {
        summary = s;
        Path root =
                Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        Files.copy(
                root.resolve("apps/target/oci/Dockerfile"), hopsOnlyContext.resolve("Dockerfile"));
        Files.writeString(hopsOnlyContext.resolve("spin.toml"), HOPS_ONLY_SPIN_TOML);
        Run spinKube =
                run(
                        root,
                        Map.of(
                                "wasmRuntime",
                                "spinkube",
                                "wirings",
                                "orchestrated,hops",
                                "redisPassword",
                                REDIS_PASSWORD));
        Run aksWasi =
                run(
                        root,
                        Map.of(
                                "wasmRuntime",
                                "aks-wasi",
                                "wirings",
                                "hops",
                                "redisPassword",
                                REDIS_PASSWORD,
                                "appBuildContext",
                                hopsOnlyContext.toString()));
        runs = List.of(spinKube, aksWasi);
        recorder = spinKube.recorder();
        outputs = spinKube.outputs();
    }

    private static Run run(Path root, Map<String, String> config) throws Exception {
        // The registry's token server: a refresh token, then an access token granting the push.
        HttpServer exchange = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String claims =
                "{\"access\":[{\"type\":\"repository\",\"name\":\""
                        + SpinAppImage.REPOSITORY
                        + "\",\"actions\":[\"push\"]}]}";
        String accessToken =
                "e30."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                        + ".signature";
        answer(exchange, "/oauth2/exchange", "{\"refresh_token\":\"acr-refresh-token\"}");
        answer(exchange, "/oauth2/token", "{\"access_token\":\"" + accessToken + "\"}");
        exchange.start();
        try {
            ProviderMocks declared = new ProviderMocks(VALUES);
            AtomicReference<MixedWorkloadsStack> stack = new AtomicReference<>();
            PulumiTest.cleanup();
            Settings settings =
                    Settings.fromConfig(key -> Optional.ofNullable(config.get(key)), "dev", root);
            var tokens =
                    new AcrTokenExchange(
                            login ->
                                    URI.create(
                                            "http://127.0.0.1:" + exchange.getAddress().getPort()),
                            Duration.ZERO,
                            duration -> {},
                            line -> {});
            TestResult result =
                    PulumiTest.withMocks(declared)
                            .withOptions(
                                    TestOptions.builder()
                                            .projectName(Settings.PROJECT)
                                            .stackName("dev")
                                            .preview(false)
                                            .build())
                            .runTest(
                                    ctx -> {
                                        stack.set(new MixedWorkloadsStack(settings, tokens));
                                        stack.get().outputs().forEach(ctx::export);
                                    });
            assertEquals(
                    List.of(),
                    result.exceptions(),
                    "the stack run threw (" + config.get("wasmRuntime") + ")");
            return new Run(config.get("wasmRuntime"), declared, stack.get().outputs());
        } finally {
            exchange.stop(0);
        }
    }

    private static void answer(HttpServer server, String path, String json) {
        server.createContext(
                path,
                x -> {
                    x.getRequestBody().readAllBytes();
                    byte[] body = json.getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                    x.close();
                });
    }

    @AfterAll
    static void record() {
        summary.put("stack-security", "checks passed", List.copyOf(checks));
    }

    @Test
    void redisHasNoPublicEndpoint() {
        List<ProviderMocks.Declared> services = recorder.ofType(SERVICE);
        ProviderMocks.Declared redis =
                services.stream().filter(s -> name(s).equals("redis")).findFirst().orElseThrow();
        assertEquals("ClusterIP", spec(redis).get("type"), "the Redis Service is cluster-internal");
        for (ProviderMocks.Declared s : services) {
            Object type = spec(s).getOrDefault("type", "ClusterIP");
            if (!type.equals("ClusterIP")) {
                assertFalse(
                        String.valueOf(spec(s).get("ports")).contains("6379"),
                        "service " + name(s) + " (" + type + ") exposes Redis' port");
                assertFalse(
                        String.valueOf(spec(s).get("selector")).contains("redis"),
                        "service " + name(s) + " (" + type + ") selects Redis");
            }
        }
        checks.add("Redis: ClusterIP only, no public Service selects it or its port");
    }

    @Test
    void theRegistryAdminUserIsDisabled() {
        List<ProviderMocks.Declared> registries =
                recorder.ofType("azure-native:containerregistry:Registry");
        assertEquals(1, registries.size());
        assertEquals(false, registries.get(0).inputs().get("adminUserEnabled"));
        checks.add("registry: admin user disabled");
    }

    @Test
    void theKubeletPullsByIdentityWithAcrPull() {
        List<ProviderMocks.Declared> assignments =
                recorder.ofType("azure-native:authorization:RoleAssignment");
        boolean found =
                assignments.stream()
                        .anyMatch(
                                a ->
                                        String.valueOf(a.inputs().get("roleDefinitionId"))
                                                        .endsWith(
                                                                "/roleDefinitions/" + ACR_PULL_ROLE)
                                                && VALUES.kubeletObjectId()
                                                        .equals(a.inputs().get("principalId"))
                                                && "ServicePrincipal"
                                                        .equals(a.inputs().get("principalType")));
        assertTrue(
                found,
                "an AcrPull role assignment to the kubelet identity, among "
                        + assignments.stream().map(ProviderMocks.Declared::inputs).toList());
        assertTrue(
                recorder.ofType("kubernetes:core/v1:Secret").stream()
                        .noneMatch(
                                s ->
                                        "kubernetes.io/dockerconfigjson"
                                                .equals(s.inputs().get("type"))),
                "no image pull secret: pulls go by identity");
        checks.add("AcrPull role to the kubelet identity, no image pull secret");
    }

    @Test
    void secretsLeaveTheProgramOnlyAsSecretOutputsOrInsideKubernetesSecrets() {
        assertTrue(isSecret(outputs.get("kubeconfig")), "kubeconfig is a secret output");
        for (var o : outputs.entrySet()) {
            String value = String.valueOf(PulumiTest.extractValue(o.getValue()));
            if (value.contains(REDIS_PASSWORD) || value.contains("kind: Config")) {
                assertTrue(
                        isSecret(o.getValue()),
                        "output " + o.getKey() + " holds a secret but is not a secret output");
            }
        }
        for (ProviderMocks.Declared d : recorder.declared()) {
            boolean holdsPassword =
                    String.valueOf(d.inputs()).contains(REDIS_PASSWORD)
                            || String.valueOf(d.inputs())
                                    .contains(
                                            java.net.URLEncoder.encode(
                                                    REDIS_PASSWORD, StandardCharsets.UTF_8));
            if (holdsPassword) {
                assertEquals(
                        "kubernetes:core/v1:Secret",
                        d.type(),
                        d.type() + " " + d.name() + " holds the Redis password in its inputs");
            }
        }
        checks.add(
                "secrets: kubeconfig a secret output; the Redis password only inside Kubernetes"
                        + " Secrets");
    }

    @Test
    void deploymentsRunNonRootReadOnlyWithoutPrivilegeEscalationOrCapabilities() {
        List<String> checked = new ArrayList<>();
        for (Run run : runs) {
            for (String type :
                    List.of(
                            DEPLOYMENT,
                            "kubernetes:apps/v1:StatefulSet",
                            "kubernetes:apps/v1:DaemonSet")) {
                for (ProviderMocks.Declared d : run.recorder().ofType(type)) {
                    Map<String, Object> pod = map(map(spec(d).get("template")).get("spec"));
                    Map<String, Object> podSc = map(pod.get("securityContext"));
                    for (Object c : (List<?>) pod.get("containers")) {
                        Map<String, Object> sc = map(map(c).get("securityContext"));
                        String where =
                                run.mode()
                                        + ": "
                                        + type
                                        + " "
                                        + d.name()
                                        + " container "
                                        + map(c).get("name");
                        assertTrue(
                                Boolean.TRUE.equals(podSc.get("runAsNonRoot"))
                                        || Boolean.TRUE.equals(sc.get("runAsNonRoot")),
                                where + ": runAsNonRoot");
                        Object uid =
                                sc.containsKey("runAsUser")
                                        ? sc.get("runAsUser")
                                        : podSc.get("runAsUser");
                        assertTrue(
                                uid instanceof Number n && n.longValue() > 0,
                                where + ": a non-root runAsUser, not " + uid);
                        assertEquals(
                                false,
                                sc.get("allowPrivilegeEscalation"),
                                where + ": allowPrivilegeEscalation");
                        assertEquals(
                                true,
                                sc.get("readOnlyRootFilesystem"),
                                where + ": readOnlyRootFilesystem");
                        assertEquals(
                                List.of("ALL"),
                                map(sc.get("capabilities")).get("drop"),
                                where + ": capabilities dropped");
                        Object seccomp =
                                map(sc.containsKey("seccompProfile")
                                                ? sc.get("seccompProfile")
                                                : podSc.get("seccompProfile"))
                                        .get("type");
                        assertEquals("RuntimeDefault", seccomp, where + ": seccomp profile");
                        checked.add(run.mode() + " " + name(d));
                    }
                }
            }
        }
        assertTrue(
                checked.containsAll(
                        List.of("spinkube redis", "aks-wasi redis", "aks-wasi orders-hops")),
                "Redis in both modes and the aks-wasi app Deployment are checked: " + checked);
        checks.add(
                "pods: "
                        + String.join(", ", checked)
                        + ": non-root uid, read-only root filesystem, "
                        + "no privilege escalation, capabilities dropped, RuntimeDefault seccomp");
    }

    @Test
    void theAppNamespaceDeniesIngressAndEgressByDefaultWithExplicitAllows() {
        for (Run run : runs) {
            List<ProviderMocks.Declared> policies = run.recorder().ofType(NETWORK_POLICY);
            ProviderMocks.Declared deny =
                    policies.stream()
                            .filter(p -> map(spec(p).get("podSelector")).isEmpty())
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    run.mode()
                                                            + ": no default-deny NetworkPolicy"
                                                            + " (empty podSelector)"));
            assertEquals(
                    List.of("Ingress", "Egress"),
                    spec(deny).get("policyTypes"),
                    run.mode() + ": " + name(deny) + " denies both ways");
            assertEquals(
                    null,
                    spec(deny).get("ingress"),
                    run.mode() + ": the default-deny admits nothing");
            assertEquals(
                    null,
                    spec(deny).get("egress"),
                    run.mode() + ": the default-deny lets nothing out");
            String namespace = (String) map(deny.inputs().get("metadata")).get("namespace");

            List<String> ingress = new ArrayList<>();
            List<String> egress = new ArrayList<>();
            for (ProviderMocks.Declared allow : policies.stream().filter(p -> p != deny).toList()) {
                String where = run.mode() + ": allow " + name(allow);
                assertEquals(
                        namespace, map(allow.inputs().get("metadata")).get("namespace"), where);
                assertFalse(
                        map(spec(allow).get("podSelector")).isEmpty(),
                        where + " selects specific pods");
                List<?> types = (List<?>) spec(allow).get("policyTypes");
                for (String direction : List.of("ingress", "egress")) {
                    boolean declared =
                            types.contains(direction.equals("ingress") ? "Ingress" : "Egress");
                    Object rules = spec(allow).get(direction);
                    assertEquals(
                            declared,
                            rules instanceof List<?> r && !r.isEmpty(),
                            where + " names what it allows (" + direction + ")");
                    if (declared) {
                        (direction.equals("ingress") ? ingress : egress)
                                .add(describe(allow, direction));
                    }
                }
            }
            String app = "{app.kubernetes.io/component=spin-app}";
            String httpApp =
                    "{app.kubernetes.io/component=spin-app, spinmixed.dev/serves-http=true}";
            String redisPods = redisPods(run);
            assertEquals(
                    sorted(
                            httpApp + " in from anywhere on [TCP/80]",
                            redisPods + " in from " + app + " on [TCP/6379]"),
                    sorted(ingress.toArray(String[]::new)),
                    run.mode() + ": ingress allows");
            assertEquals(
                    sorted(
                            app + " out to kube-system{k8s-app=kube-dns} on [UDP/53, TCP/53]",
                            app + " out to " + redisPods + " on [TCP/6379]"),
                    sorted(egress.toArray(String[]::new)),
                    run.mode() + ": egress allows");
            checks.add(
                    "network ("
                            + run.mode()
                            + "): default-deny ingress and egress in namespace "
                            + namespace
                            + "; allows only HTTP 80 into the app's HTTP workloads, the app out to"
                            + " CoreDNS 53 and"
                            + " Redis 6379, Redis 6379 in from the app");
        }
    }

    /**
     * A policy's rules of one direction as text: pods, peer and ports, e.g. {@code {a=b} out to
     * {c=d} on [TCP/6379]}.
     */
    private static String describe(ProviderMocks.Declared policy, String direction) {
        List<String> rules = new ArrayList<>();
        for (Object rule : (List<?>) spec(policy).get(direction)) {
            List<?> peers = (List<?>) map(rule).get(direction.equals("ingress") ? "from" : "to");
            String peer =
                    peers == null
                            ? "anywhere"
                            : String.join(
                                    ", ", peers.stream().map(StackSecurityTest::peer).toList());
            List<String> ports =
                    ((List<?>) map(rule).get("ports"))
                            .stream()
                                    .map(
                                            p ->
                                                    map(p).get("protocol")
                                                            + "/"
                                                            + ((Number) map(p).get("port"))
                                                                    .intValue())
                                    .toList();
            rules.add(
                    labels(map(spec(policy).get("podSelector")))
                            + (direction.equals("ingress") ? " in from " : " out to ")
                            + peer
                            + " on "
                            + ports);
        }
        return String.join("; ", rules);
    }

    /** A peer as text; an ipBlock (an address outside the cluster) is refused outright. */
    private static String peer(Object peer) {
        Map<String, Object> p = map(peer);
        assertFalse(p.containsKey("ipBlock"), "no allow reaches an address block: " + p);
        String pods =
                p.containsKey("podSelector") ? labels(map(p.get("podSelector"))) : "{all pods}";
        if (!p.containsKey("namespaceSelector")) {
            return pods;
        }
        Map<String, Object> namespace = map(map(p.get("namespaceSelector")).get("matchLabels"));
        assertEquals(
                Set.of("kubernetes.io/metadata.name"),
                namespace.keySet(),
                "a peer namespace is named: " + p);
        return namespace.get("kubernetes.io/metadata.name") + pods;
    }

    private static String labels(Map<String, Object> selector) {
        assertEquals(
                Set.of("matchLabels"), selector.keySet(), "selectors match labels: " + selector);
        return new TreeMap<>(map(selector.get("matchLabels"))).toString();
    }

    private static String redisPods(Run run) {
        ProviderMocks.Declared redis =
                run.recorder().ofType(DEPLOYMENT).stream()
                        .filter(d -> name(d).equals("redis"))
                        .findFirst()
                        .orElseThrow();
        return labels(map(spec(redis).get("selector")));
    }

    private static List<String> sorted(String... items) {
        return Arrays.stream(items).sorted().toList();
    }

    private static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().join();
    }

    private static String name(ProviderMocks.Declared d) {
        return String.valueOf(map(d.inputs().get("metadata")).get("name"));
    }

    private static Map<String, Object> spec(ProviderMocks.Declared d) {
        return map(d.inputs().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
