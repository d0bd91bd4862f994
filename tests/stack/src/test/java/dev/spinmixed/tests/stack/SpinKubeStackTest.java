package dev.spinmixed.tests.stack;

import static dev.spinmixed.tests.stack.Json.at;
import static dev.spinmixed.tests.stack.Json.integer;
import static dev.spinmixed.tests.stack.Json.list;
import static dev.spinmixed.tests.stack.Json.map;
import static dev.spinmixed.tests.stack.Json.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.resources.Resource;
import dev.spinmixed.infra.AcrTokenExchange;
import dev.spinmixed.infra.Cluster;
import dev.spinmixed.infra.MixedWorkloadsStack;
import dev.spinmixed.infra.PinnedVersions;
import dev.spinmixed.infra.Redis;
import dev.spinmixed.infra.SpinAppImage;
import dev.spinmixed.infra.SpinKubeRuntime;
import dev.spinmixed.infra.SpinOperatorCrds;
import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import dev.spinmixed.infra.plan.ProviderMocks.Declared;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole stack in the default mode, wasmRuntime=spinkube, both wirings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpinKubeStackTest {
    static final String SPIN_APP = "kubernetes:core.spinkube.dev/v1alpha1:SpinApp";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String SPIN_TOML =
            """
            spin_manifest_version = 2
            [application]
            name = "orders"
            [[trigger.http]]
            route = "/orders"
            component = "orchestrator"
            [component.orchestrator]
            source = "orchestrator.wasm"
            [component.orchestrator.dependencies]
            "acme:pricing/pricing@0.1.0" = { component = "pricing" }
            [component.pricing]
            source = "pricing.wasm"
            """;

    StackRun run;
    Path buildContext;

    @BeforeAll
    void deploy(@TempDir Path dir) {
        buildContext = StackRun.buildContext(dir, SPIN_TOML);
        run =
                StackRun.of(
                        () ->
                                StackRun.settings(
                                        WasmRuntime.SPINKUBE,
                                        EnumSet.allOf(Wiring.class),
                                        buildContext));
    }

    private Declared one(String type, String name) {
        return run.mocks.one(type, name);
    }

    @Test
    void everyAzureResourceThatTakesTagsIsTagged() {
        List<Declared> tagged =
                run.mocks.declared().stream()
                        .filter(
                                d ->
                                        d.type().startsWith("azure-native:")
                                                && !d.type()
                                                        .equals(
                                                                "azure-native:authorization:RoleAssignment"))
                        .toList();
        assertEquals(
                Set.of(
                        "azure-native:resources:ResourceGroup",
                        "azure-native:containerservice:ManagedCluster",
                        "azure-native:containerregistry:Registry",
                        "azure-native:containerservice:AgentPool"),
                tagged.stream().map(Declared::type).collect(Collectors.toSet()));
        for (Declared d : tagged) {
            assertEquals(
                    Map.of("environment", "dev", "project", "spin-mixed-workloads"),
                    map(d.inputs(), "tags"),
                    d.name());
        }
    }

    @Test
    void clusterHasSystemPoolIdentityRbacNetworkPolicyAndOidc() {
        var cluster = one("azure-native:containerservice:ManagedCluster", "dev-aks").inputs();
        assertEquals(PinnedVersions.KUBERNETES.version(), string(cluster, "kubernetesVersion"));
        assertEquals(true, at(cluster, "enableRBAC"));
        assertEquals("SystemAssigned", string(cluster, "identity", "type"));
        assertEquals(true, at(cluster, "oidcIssuerProfile", "enabled"));
        assertEquals("azure", string(cluster, "networkProfile", "networkPolicy"));
        assertEquals("azure", string(cluster, "networkProfile", "networkPlugin"));
        assertEquals(1, list(cluster, "agentPoolProfiles").size());
        assertEquals("System", string(cluster, "agentPoolProfiles", 0, "mode"));
        assertEquals(1, integer(cluster, "agentPoolProfiles", 0, "count"));
        assertEquals("Standard_D2s_v5", string(cluster, "agentPoolProfiles", 0, "vmSize"));
        assertEquals(List.of("1", "3"), list(cluster, "agentPoolProfiles", 0, "availabilityZones"));
    }

    @Test
    void withEntraAccessOnlyEntraIdentitiesAuthorizedByAzureRbacReachTheApi() {
        var cluster = one("azure-native:containerservice:ManagedCluster", "dev-aks").inputs();
        assertEquals(true, at(cluster, "aadProfile", "managed"));
        assertEquals(true, at(cluster, "aadProfile", "enableAzureRBAC"));
        assertEquals(true, at(cluster, "disableLocalAccounts"));
        var grant =
                one(
                                "azure-native:authorization:RoleAssignment",
                                "dev-aks-deployer-rbac-cluster-admin")
                        .inputs();
        assertEquals("dev-aks-id", string(grant, "scope"));
        assertEquals(StackRun.VALUES.deployerObjectId(), string(grant, "principalId"));
        assertTrue(
                string(grant, "roleDefinitionId")
                        .endsWith("/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"),
                "Azure Kubernetes Service RBAC Cluster Admin");
        // The kubeconfig's user runs kubelogin with the deployer's own identity.
        var credentials =
                run.mocks.invocations().stream()
                        .filter(i -> i.token().endsWith(":listManagedClusterUserCredentials"))
                        .toList();
        assertEquals(1, credentials.size());
        assertEquals("exec", credentials.get(0).args().get("format"));
    }

    @Test
    void eachNodePoolIsDeclaredOnce() {
        var cluster = one("azure-native:containerservice:ManagedCluster", "dev-aks").inputs();
        List<String> inline =
                list(cluster, "agentPoolProfiles").stream()
                        .map(pool -> string(pool, "name"))
                        .toList();
        assertEquals(
                List.of(Cluster.SYSTEM_POOL),
                inline,
                "only the pool AKS needs to create a cluster");
        List<String> separate =
                run.mocks.ofType("azure-native:containerservice:AgentPool").stream()
                        .map(pool -> string(pool.inputs(), "agentPoolName"))
                        .toList();
        assertEquals(List.of(SpinKubeRuntime.POOL_NAME), separate);
        assertFalse(inline.stream().anyMatch(separate::contains), "a pool declared twice");
        assertEquals(List.of("agentPoolProfiles"), Cluster.IGNORED_CHANGES);
    }

    @Test
    void wasmPoolIsAPlainUserPoolLabelledForTheShimInstaller() {
        var pool = one("azure-native:containerservice:AgentPool", "dev-spinkube-pool").inputs();
        assertEquals("wasm", string(pool, "agentPoolName"));
        assertEquals("User", string(pool, "mode"));
        assertEquals("dev-aks1234", string(pool, "resourceName"));
        assertEquals(2, integer(pool, "count"));
        assertEquals("Standard_D4s_v5", string(pool, "vmSize"));
        assertEquals(Map.of(SpinKubeRuntime.SHIM_NODE_LABEL, "true"), map(pool, "nodeLabels"));
        assertEquals(List.of("1", "3"), list(pool, "availabilityZones"));
        assertFalse(pool.containsKey("workloadRuntime"), "SpinKube needs no WasmWasi pool");
        assertFalse(
                pool.containsKey("nodeTaints"),
                "SpinApp pods carry no tolerations, so the pool must not be tainted");
    }

    @Test
    void chartsArePinnedAndComeFromTheirPublishers() {
        Map<String, List<String>> releases =
                run.mocks.ofType("kubernetes:helm.sh/v3:Release").stream()
                        .collect(
                                Collectors.toMap(
                                        Declared::name,
                                        d ->
                                                Arrays.asList(
                                                        string(d.inputs(), "chart"),
                                                        string(d.inputs(), "version"),
                                                        string(d.inputs(), "namespace"))));
        assertEquals(
                Map.of(
                        "dev-spinkube-cert-manager",
                        List.of(
                                "cert-manager",
                                PinnedVersions.CERT_MANAGER.version(),
                                "cert-manager"),
                        "dev-spinkube-runtime-class-manager",
                        List.of(
                                "oci://ghcr.io/spinframework/charts/runtime-class-manager",
                                "0.2.0",
                                "runtime-class-manager"),
                        "dev-spinkube-spin-operator",
                        List.of(
                                "oci://ghcr.io/spinframework/charts/spin-operator",
                                "0.6.1",
                                "spin-operator")),
                releases);
        var certManager =
                one("kubernetes:helm.sh/v3:Release", "dev-spinkube-cert-manager").inputs();
        assertEquals("https://charts.jetstack.io", string(certManager, "repositoryOpts", "repo"));
        assertEquals(true, at(certManager, "values", "crds", "enabled"));
        var rcm =
                one("kubernetes:helm.sh/v3:Release", "dev-spinkube-runtime-class-manager").inputs();
        assertEquals(
                "v0.2.0",
                string(rcm, "values", "image", "tag"),
                "the chart's images default to latest");
        assertEquals("v0.2.0", string(rcm, "values", "rcm", "nodeInstallerImage", "tag"));
        assertEquals("v0.2.0", string(rcm, "values", "rcm", "shimDownloaderImage", "tag"));
    }

    @Test
    void shimInstallsAPinnedContainerdShimSpinOnThePoolsNodes() {
        var shim =
                one("kubernetes:runtime.spinkube.dev/v1alpha1:Shim", "dev-spinkube-shim").inputs();
        assertEquals(
                Map.of(SpinKubeRuntime.SHIM_NODE_LABEL, "true"), map(shim, "spec", "nodeSelector"));
        assertEquals("wasmtime-spin-v2", string(shim, "spec", "runtimeClass", "name"));
        assertEquals("spin-v2", string(shim, "spec", "runtimeClass", "handler"));
        // runtime-class-manager v0.2.0's sample sets the systemd cgroup driver for runwasi shims.
        assertEquals(
                Map.of("SystemdCgroup", "true"), map(shim, "spec", "containerdRuntimeOptions"));
        List<?> platforms = list(shim, "spec", "fetchStrategy", "platforms");
        assertEquals(
                List.of("x86_64", "aarch64"),
                platforms.stream().map(p -> string(p, "arch")).toList());
        for (Object platform : platforms) {
            assertTrue(
                    string(platform, "location")
                            .startsWith(
                                    "https://github.com/spinframework/containerd-shim-spin/releases/download/v0.24.0/"),
                    platform.toString());
            // A digest only where one is pinned from a primary source.
            assertEquals(
                    PinnedVersions.SHIM_SHA256.get(string(platform, "arch")),
                    map(platform).get("sha256"),
                    platform.toString());
        }
    }

    @Test
    void spinOperatorCrdsAndExecutorAreDeclared() {
        assertEquals(
                Set.of("spinapps.core.spinkube.dev", "spinappexecutors.core.spinkube.dev"),
                run
                        .mocks
                        .ofType("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition")
                        .stream()
                        .map(d -> string(d.inputs(), "metadata", "name"))
                        .collect(Collectors.toSet()));
        var executor =
                one(
                                "kubernetes:core.spinkube.dev/v1alpha1:SpinAppExecutor",
                                "dev-spinkube-executor")
                        .inputs();
        assertEquals("containerd-shim-spin", string(executor, "metadata", "name"));
        assertEquals("spin-mixed", string(executor, "metadata", "namespace"));
        assertEquals(true, at(executor, "spec", "createDeployment"));
        assertEquals(
                "wasmtime-spin-v2",
                string(executor, "spec", "deploymentConfig", "runtimeClassName"));
    }

    @Test
    void spinOperatorOffersNoPodSecurityFieldSoTheSpinAppsSetNone() {
        var crds = SpinOperatorCrds.load();
        var spinAppSpec =
                map(
                        crds.get(0),
                        "spec",
                        "versions",
                        0,
                        "schema",
                        "openAPIV3Schema",
                        "properties",
                        "spec",
                        "properties");
        var deploymentConfig =
                map(
                        crds.get(1),
                        "spec",
                        "versions",
                        0,
                        "schema",
                        "openAPIV3Schema",
                        "properties",
                        "spec",
                        "properties",
                        "deploymentConfig",
                        "properties");
        // If a spin-operator upgrade adds one, this fails: use it in SpinAppWorkloads and update
        // the test.
        for (var fields : List.of(spinAppSpec.keySet(), deploymentConfig.keySet())) {
            assertTrue(
                    fields.stream()
                            .noneMatch(
                                    f ->
                                            f.toLowerCase().contains("security")
                                                    || f.equals("podSpec")),
                    fields.toString());
        }
        assertTrue(
                spinAppSpec.containsKey("podLabels")
                        && deploymentConfig.containsKey("runtimeClassName"),
                "the schemas were read");
        for (Declared app : run.mocks.ofType("kubernetes:core.spinkube.dev/v1alpha1:SpinApp")) {
            assertTrue(
                    map(app.inputs(), "spec").keySet().stream()
                            .noneMatch(f -> f.toLowerCase().contains("security")),
                    app.name());
        }
    }

    /**
     * spin-operator 0.6.1 creates a ClusterIP Service for every SpinApp, unconditionally
     * (internal/controller/spinapp_controller.go, reconcileService), and its CRD offers no field to
     * turn it off: the relays' SpinApp gets one too, which leads nowhere, as nothing in that pod
     * listens for HTTP and no policy admits HTTP to it.
     */
    @Test
    void spinOperatorOffersNoFieldToDropTheServiceOfASpinAppWithoutHttpTrigger() {
        var spinAppSpec =
                map(
                        SpinOperatorCrds.load().get(0),
                        "spec",
                        "versions",
                        0,
                        "schema",
                        "openAPIV3Schema",
                        "properties",
                        "spec",
                        "properties");
        // If a spin-operator upgrade adds one, this fails: set it on the relays' SpinApp.
        assertEquals(
                Set.of("serviceAccountName", "serviceAnnotations"),
                spinAppSpec.keySet().stream()
                        .filter(f -> f.toLowerCase().contains("service"))
                        .collect(Collectors.toSet()));
        assertEquals(
                List.of("executor", "image"),
                list(
                        SpinOperatorCrds.load().get(0),
                        "spec",
                        "versions",
                        0,
                        "schema",
                        "openAPIV3Schema",
                        "properties",
                        "spec",
                        "required"),
                "nothing HTTP-specific is required of a SpinApp");
    }

    @Test
    void bothWiringsRunThePushedImageByDigestAsSpinApps() {
        String imageRef = StackRun.value(run.stack.image().imageRef());
        assertEquals(
                "spinmixeddev1234.azurecr.io/spin-mixed-workloads/orders@"
                        + StackRun.VALUES.imageDigest(),
                imageRef);
        List<Declared> apps = run.mocks.ofType(SPIN_APP);
        assertEquals(
                Set.of("orders-orchestrated", "orders-hops-ingress", "orders-hops-relays"),
                apps.stream()
                        .map(d -> string(d.inputs(), "metadata", "name"))
                        .collect(Collectors.toSet()));
        for (Declared app : apps) {
            var spec = map(app.inputs(), "spec");
            assertEquals(imageRef, spec.get("image"), app.name());
            assertEquals("containerd-shim-spin", spec.get("executor"));
            assertEquals(
                    Map.of(
                            "requests", Map.of("cpu", "50m", "memory", "64Mi"),
                            "limits", Map.of("cpu", "500m", "memory", "256Mi")),
                    spec.get("resources"));
            assertEquals("spin-app", string(spec, "podLabels", "app.kubernetes.io/component"));
            // redis_host is what spin.toml's allowed_outbound_hosts names: host and port, no
            // password.
            assertEquals(
                    List.of(
                            Map.of(
                                    "name",
                                    "redis_address",
                                    "valueFrom",
                                    Map.of(
                                            "secretKeyRef",
                                            Map.of(
                                                    "name",
                                                    Redis.ADDRESS_SECRET,
                                                    "key",
                                                    "redis_address"))),
                            Map.of(
                                    "name",
                                    "redis_host",
                                    "value",
                                    "redis.spin-mixed.svc.cluster.local:6379")),
                    spec.get("variables"));
        }
        // Each keeps only the components its triggers run (containerd-shim-spin's selective
        // deployment); the ones they depend on are composed in from their sources.
        assertEquals(
                List.of("orchestrator"),
                list(one(SPIN_APP, "dev-app-orchestrated").inputs(), "spec", "components"));
        assertEquals(
                List.of("hops-ingress"),
                list(one(SPIN_APP, "dev-app-hops-ingress").inputs(), "spec", "components"));
        assertEquals(
                List.of("validation-relay", "pricing-relay", "inventory-relay"),
                list(one(SPIN_APP, "dev-app-hops-relays").inputs(), "spec", "components"));
    }

    @Test
    void theHttpWorkloadsScaleOnCpuBetweenTheirMinAndMaxWithADisruptionBudget() {
        for (String workload : List.of("orchestrated", "hops-ingress")) {
            var spec = map(one(SPIN_APP, "dev-app-" + workload).inputs(), "spec");
            // spin-operator 0.6.1 refuses replicas beside enableAutoscaling.
            assertEquals(true, spec.get("enableAutoscaling"), workload);
            assertFalse(spec.containsKey("replicas"), workload);
            var hpa = one(HPA, "dev-app-" + workload).inputs();
            assertEquals(
                    Map.of(
                            "apiVersion",
                            "apps/v1",
                            "kind",
                            "Deployment",
                            "name",
                            "orders-" + workload),
                    map(hpa, "spec", "scaleTargetRef"),
                    "spin-operator names the Deployment after the SpinApp");
            assertEquals(2, integer(hpa, "spec", "minReplicas"));
            assertEquals(5, integer(hpa, "spec", "maxReplicas"));
            assertEquals("cpu", string(hpa, "spec", "metrics", 0, "resource", "name"));
            assertEquals(
                    70,
                    integer(hpa, "spec", "metrics", 0, "resource", "target", "averageUtilization"));
            var pdb = one(PDB, "dev-app-" + workload).inputs();
            assertEquals(1, integer(pdb, "spec", "maxUnavailable"));
            assertTrue(
                    map(spec, "podLabels")
                            .entrySet()
                            .containsAll(map(pdb, "spec", "selector", "matchLabels").entrySet()),
                    "the budget selects the workload's pods");
        }
    }

    @Test
    void theRedisTriggeredRelaysRunExactlyOneReplicaWithoutAutoscalerBudgetOrService() {
        var spec = map(one(SPIN_APP, "dev-app-hops-relays").inputs(), "spec");
        // Without autoscaling, spin-operator 0.6.1's webhook wants replicas >= 1 and the
        // Deployment takes it as is.
        assertEquals(false, spec.get("enableAutoscaling"));
        assertEquals(1, integer(spec, "replicas"));
        assertEquals(
                Set.of("orders-orchestrated", "orders-hops-ingress"),
                run.mocks.ofType(HPA).stream()
                        .map(d -> string(d.inputs(), "spec", "scaleTargetRef", "name"))
                        .collect(Collectors.toSet()),
                "no autoscaler targets the relays");
        var relayPods = map(spec, "podLabels");
        for (Declared pdb : run.mocks.ofType(PDB)) {
            assertFalse(
                    relayPods
                            .entrySet()
                            .containsAll(
                                    map(pdb.inputs(), "spec", "selector", "matchLabels")
                                            .entrySet()),
                    pdb.name() + " selects the relays");
        }
        assertEquals(
                Set.of(
                        Map.of("core.spinkube.dev/app.orders-orchestrated.status", "ready"),
                        Map.of("core.spinkube.dev/app.orders-hops-ingress.status", "ready")),
                run.mocks.ofType("kubernetes:core/v1:Service").stream()
                        .filter(d -> d.name().startsWith("dev-app-"))
                        .map(d -> map(d.inputs(), "spec", "selector"))
                        .collect(Collectors.toSet()),
                "the public Services select the HTTP workloads only");
        assertEquals(
                Set.of("orders-orchestrated", "orders-hops-ingress", "orders-hops-relays"),
                run.stack.workloads().workloads().keySet());
        assertEquals(
                Set.of("orders-orchestrated", "orders-hops-ingress"),
                run.stack.workloads().autoscalers().keySet());
    }

    @Test
    void eachWiringHasALoadBalancerServiceOnItsReadyHttpPods() {
        var service = one("kubernetes:core/v1:Service", "dev-app-orchestrated").inputs();
        assertEquals("LoadBalancer", string(service, "spec", "type"));
        assertEquals(
                Map.of("core.spinkube.dev/app.orders-orchestrated.status", "ready"),
                map(service, "spec", "selector"));
        assertEquals(80, integer(service, "spec", "ports", 0, "port"));
        var hops = one("kubernetes:core/v1:Service", "dev-app-hops").inputs();
        assertEquals("LoadBalancer", string(hops, "spec", "type"));
        assertEquals("orders-hops-public", string(hops, "metadata", "name"));
        assertEquals(
                Map.of("core.spinkube.dev/app.orders-hops-ingress.status", "ready"),
                map(hops, "spec", "selector"));
        assertEquals(
                "hops=http://20.0.0.10/hops/orders orchestrated=http://20.0.0.10/orders",
                StackRun.value(run.stack.outputs().get("appEndpoints")));
    }

    @Test
    void imageIsBuiltForWasiAndPushedWithTheDeployersExchangedTokenNotAnAdminPassword() {
        var image = run.mocks.ofType("docker:index/image:Image").get(0).inputs();
        assertEquals("wasi/wasm", string(image, "build", "platform"));
        assertEquals(buildContext.toString(), string(image, "build", "context"));
        assertTrue(
                string(image, "imageName")
                        .matches(".*/spin-mixed-workloads/orders:sha-[0-9a-f]{16}"),
                "content tag, never latest: " + string(image, "imageName"));
        String loginServer = StackRun.value(run.stack.registry().loginServer());
        assertEquals(loginServer, string(image, "registry", "server"));
        assertEquals(AcrTokenExchange.TOKEN_USER, string(image, "registry", "username"));
        assertEquals(StackRun.REFRESH_TOKEN, string(image, "registry", "password"));

        assertEquals(
                List.of(
                        Map.of(
                                "grant_type",
                                "access_token",
                                "service",
                                loginServer,
                                "tenant",
                                StackRun.VALUES.tenantId(),
                                "access_token",
                                StackRun.VALUES.aadToken())),
                run.exchangeRequests);
        // Before the push, the registry is asked whether the token may push to the repository.
        assertEquals(
                List.of(
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "service",
                                loginServer,
                                "scope",
                                "repository:" + SpinAppImage.REPOSITORY + ":push",
                                "refresh_token",
                                StackRun.REFRESH_TOKEN)),
                run.tokenRequests);
    }

    @Test
    void registryHasNoAdminUserAndKubeletPullsThroughAcrPull() {
        var registry = run.mocks.ofType("azure-native:containerregistry:Registry").get(0);
        assertEquals(false, at(registry.inputs(), "adminUserEnabled"));
        String registryId = registry.name() + "-id";
        Map<String, Map<String, Object>> assignments =
                run.mocks.ofType("azure-native:authorization:RoleAssignment").stream()
                        .filter(d -> string(d.inputs(), "scope").equals(registryId))
                        .collect(
                                Collectors.toMap(
                                        d -> string(d.inputs(), "principalId"), Declared::inputs));
        var pull = assignments.get(StackRun.VALUES.kubeletObjectId());
        assertEquals(
                "/subscriptions/"
                        + StackRun.VALUES.subscriptionId()
                        + "/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d",
                string(pull, "roleDefinitionId"));
        assertEquals("ServicePrincipal", string(pull, "principalType"));
        var push = assignments.get(StackRun.VALUES.deployerObjectId());
        assertTrue(
                string(push, "roleDefinitionId").endsWith("/8311e382-0749-4cb8-b61a-304f252e45ec"),
                "AcrPush");
        assertEquals(2, assignments.size(), "on the registry: AcrPull and AcrPush only");
    }

    @Test
    void theNamespaceDeniesBothWaysAndTheAppMayReceiveHttpAndCallOnlyCoreDnsAndRedis() {
        for (Declared app : run.mocks.ofType(SPIN_APP)) {
            AppNetworkPolicies.assertOnlyTheExplicitAllows(
                    run.mocks,
                    map(app.inputs(), "spec", "podLabels"),
                    !app.name().equals("dev-app-hops-relays"));
        }
    }

    @Test
    void redisIsReachableOnlyFromSpinAppPods() {
        var redisPods =
                map(
                        one("kubernetes:apps/v1:Deployment", "dev-redis").inputs(),
                        "spec",
                        "template",
                        "metadata",
                        "labels");
        var allow =
                one(
                                "kubernetes:networking.k8s.io/v1:NetworkPolicy",
                                "dev-redis-redis-from-spin-app")
                        .inputs();
        assertTrue(
                redisPods
                        .entrySet()
                        .containsAll(map(allow, "spec", "podSelector", "matchLabels").entrySet()));
        assertEquals(
                List.of(
                        Map.of(
                                "from",
                                List.of(
                                        Map.of(
                                                "podSelector",
                                                Map.of(
                                                        "matchLabels",
                                                        Map.of(
                                                                "app.kubernetes.io/component",
                                                                "spin-app")))),
                                "ports",
                                List.of(Map.of("protocol", "TCP", "port", 6379.0)))),
                list(allow, "spec", "ingress"));

        // No other policy may open Redis' pods.
        for (Declared policy : run.mocks.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
            if (policy.name().equals("dev-redis-redis-from-spin-app")
                    || policy.name().equals(AppNetworkPolicies.DENY)) {
                continue;
            }
            var selected = map(policy.inputs(), "spec", "podSelector", "matchLabels");
            assertFalse(
                    redisPods.entrySet().containsAll(selected.entrySet()),
                    policy.name() + " also selects Redis");
        }
        assertEquals(
                "ClusterIP",
                string(one("kubernetes:core/v1:Service", "dev-redis").inputs(), "spec", "type"));
    }

    @Test
    void redisRunsPinnedNonRootReadOnlyWithProbesAndLimits() {
        var pod =
                map(
                        one("kubernetes:apps/v1:Deployment", "dev-redis").inputs(),
                        "spec",
                        "template",
                        "spec");
        var container = map(pod, "containers", 0);
        assertTrue(
                string(container, "image").matches("docker\\.io/library/redis:7\\.4\\.\\d+-alpine"),
                string(container, "image"));
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(false, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), list(container, "securityContext", "capabilities", "drop"));
        assertTrue(
                container.containsKey("readinessProbe") && container.containsKey("livenessProbe"));
        assertTrue(map(container, "resources", "requests").containsKey("memory"));
        assertEquals(
                Map.of("cpu", "500m", "memory", "256Mi"),
                map(container, "resources", "limits"),
                "from settings");
        assertEquals(
                Map.of("name", "redis-auth", "key", "password"),
                map(container, "env", 0, "valueFrom", "secretKeyRef"));
    }

    @Test
    void secretsStaySecret() {
        assertTrue(StackRun.isSecret(run.stack.outputs().get("kubeconfig")));
        assertEquals(
                StackRun.VALUES.kubeconfig(), StackRun.value(run.stack.cluster().kubeconfig()));
        assertTrue(StackRun.isSecret(run.stack.redis().address()));
        assertEquals(
                "redis://:" + StackRun.REDIS_PASSWORD + "@redis.spin-mixed.svc.cluster.local:6379",
                StackRun.value(run.stack.redis().address()));
        var auth = one("kubernetes:core/v1:Secret", "dev-redis-auth").inputs();
        assertEquals(StackRun.REDIS_PASSWORD, string(auth, "stringData", "password"));
        // The password reaches the cluster only inside the two Secrets.
        for (Declared d : run.mocks.declared()) {
            if (!d.type().equals("kubernetes:core/v1:Secret")) {
                assertFalse(
                        d.inputs().toString().contains(StackRun.REDIS_PASSWORD),
                        d.type() + " " + d.name());
            }
        }
        for (var output : run.stack.outputs().entrySet()) {
            if (!StackRun.isSecret(output.getValue())) {
                assertFalse(
                        String.valueOf(StackRun.value(output.getValue()))
                                .contains(StackRun.REDIS_PASSWORD),
                        output.getKey());
            }
        }
    }

    @Test
    void outputsAreTheOnesTheReadmePromises() {
        assertEquals(
                new TreeSet<>(
                        List.of(
                                "resourceGroupName",
                                "clusterName",
                                "registryLoginServer",
                                "imageRef",
                                "appEndpoints",
                                "kubeconfig")),
                new TreeSet<>(run.stack.outputs().keySet()));
        assertEquals("dev-rg1234", StackRun.value(run.stack.outputs().get("resourceGroupName")));
        assertEquals("dev-aks1234", StackRun.value(run.stack.outputs().get("clusterName")));
        assertEquals(
                Set.of(
                        "azure-native:authorization:getClientConfig",
                        "azure-native:authorization:getClientToken",
                        "azure-native:containerservice:listManagedClusterUserCredentials"),
                Set.copyOf(run.mocks.invokes()));
    }

    @Test
    void everyResourceIsParentedToItsComponent() {
        Set<String> underStack =
                StackRun.descendants(run.stack).stream()
                        .map(Resource::pulumiResourceName)
                        .collect(Collectors.toSet());
        Set<String> declared =
                run.mocks.declared().stream()
                        .filter(
                                d ->
                                        !d.type().equals("pulumi:pulumi:Stack")
                                                && !d.type().equals(MixedWorkloadsStack.TYPE))
                        .map(Declared::name)
                        .collect(Collectors.toSet());
        assertEquals(
                declared, underStack, "every declared resource hangs under the stack component");

        assertTrue(
                run.stack
                        .cluster()
                        .pulumiChildResources()
                        .contains(run.stack.cluster().managedCluster()));
        assertTrue(
                run.stack
                        .cluster()
                        .pulumiChildResources()
                        .contains(run.stack.cluster().kubernetes()));
        assertEquals(
                Set.of(
                        run.stack.registry().registry(),
                        run.stack.registry().kubeletPull(),
                        run.stack.registry().deployerPush()),
                run.stack.registry().pulumiChildResources());
        assertEquals(Set.of(run.stack.image().image()), run.stack.image().pulumiChildResources());
        var spinKube = (SpinKubeRuntime) run.stack.wasmRuntime();
        assertTrue(
                spinKube.pulumiChildResources()
                        .containsAll(
                                List.of(
                                        spinKube.wasmPool(),
                                        spinKube.shim(),
                                        spinKube.executor())));
        assertEquals(
                Set.of(
                        run.stack.redis().deployment(),
                        run.stack.redis().service(),
                        run.stack.redis().authSecret(),
                        run.stack.redis().addressSecret(),
                        run.stack.redis().allowFromApp()),
                run.stack.redis().pulumiChildResources());
        assertTrue(
                run.stack
                        .workloads()
                        .pulumiChildResources()
                        .containsAll(run.stack.workloads().workloads().values()));
    }

    @Test
    void everyKubernetesObjectCarriesTheAppKubernetesIoLabels() {
        for (Declared d : run.mocks.declared()) {
            if (d.type().startsWith("kubernetes:")
                    && !d.type().startsWith("kubernetes:helm.sh")
                    && !d.type().contains("CustomResourceDefinition")) {
                var labels = map(d.inputs(), "metadata", "labels");
                assertTrue(
                        labels.keySet()
                                .containsAll(
                                        List.of(
                                                "app.kubernetes.io/name",
                                                "app.kubernetes.io/component",
                                                "app.kubernetes.io/part-of",
                                                "app.kubernetes.io/managed-by")),
                        d.type() + " " + d.name());
            }
        }
    }
}
