package dev.spinmixed.infra.plan;

import com.pulumi.test.Mocks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Plays Azure, Docker and Kubernetes while the program runs under {@code PulumiTest}: records every
 * resource it declares (with the inputs it gave) and every invoke it makes, and answers what the
 * providers would compute (names, login server, kubelet identity, image digest, load balancer
 * address, client config, token, kubeconfig) from a {@link Values}. An invoke this class does not
 * know fails the run, so a new invoke is never silently answered.
 */
public final class ProviderMocks implements Mocks {

    /** One declared resource: type token, logical name and inputs as the engine received them. */
    public record Declared(String type, String name, Map<String, Object> inputs) {}

    /** One invoke: its token and the arguments the program passed. */
    public record Invoked(String token, Map<String, Object> args) {}

    /**
     * What the providers answer.
     *
     * @param nameSuffix appended to a resource group's, cluster's and registry's logical name, as
     *     Azure auto-naming appends a random suffix
     * @param loadBalancerIp the address Azure gives a LoadBalancer Service; empty: not assigned
     *     yet, the Service has no status
     */
    public record Values(
            String nameSuffix,
            String kubeletObjectId,
            String kubeletClientId,
            String kubeletResourceId,
            String deployerObjectId,
            String deployerClientId,
            String subscriptionId,
            String tenantId,
            String aadToken,
            String kubeconfig,
            String imageDigest,
            Optional<String> loadBalancerIp) {
        private static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

        /**
         * For the offline plan: every value says it is a placeholder; no load balancer address yet.
         */
        public static Values placeholders() {
            return new Values(
                    "",
                    PLACEHOLDER_ID,
                    PLACEHOLDER_ID,
                    "<kubelet identity>",
                    PLACEHOLDER_ID,
                    PLACEHOLDER_ID,
                    PLACEHOLDER_ID,
                    PLACEHOLDER_ID,
                    "plan-placeholder-aad-token",
                    "apiVersion: v1\nkind: Config\n",
                    "sha256:" + "0".repeat(64),
                    Optional.empty());
        }

        /**
         * For tests: every identity and id differs from the others, so a test can tell which one
         * the program used.
         */
        public static Values distinct() {
            return new Values(
                    "1234",
                    "11111111-aaaa-4bbb-8ccc-000000000001",
                    "kubelet-client",
                    "kubelet-id",
                    "22222222-aaaa-4bbb-8ccc-000000000002",
                    "deployer-client",
                    "33333333-aaaa-4bbb-8ccc-000000000003",
                    "44444444-aaaa-4bbb-8ccc-000000000004",
                    "aad-access-token-of-the-deployer",
                    "apiVersion: v1\nkind: Config\nclusters: []\n",
                    "sha256:" + "ab".repeat(32),
                    Optional.of("20.0.0.10"));
        }
    }

    private final Values values;
    private final List<Declared> declared = new ArrayList<>();
    private final List<Invoked> invokes = new ArrayList<>();

    public ProviderMocks(Values values) {
        this.values = values;
    }

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        declared.add(new Declared(args.type, args.name, args.inputs));
        Map<String, Object> state = new HashMap<>(args.inputs);
        String azureName = args.name + values.nameSuffix();
        switch (args.type) {
            case "azure-native:resources:ResourceGroup" -> state.put("name", azureName);
            case "azure-native:containerservice:ManagedCluster" -> {
                state.put("name", azureName);
                state.put(
                        "identityProfile",
                        Map.of(
                                "kubeletidentity",
                                Map.of(
                                        "objectId",
                                        values.kubeletObjectId(),
                                        "clientId",
                                        values.kubeletClientId(),
                                        "resourceId",
                                        values.kubeletResourceId())));
            }
            case "azure-native:containerregistry:Registry" -> {
                state.put("name", azureName);
                state.put("loginServer", azureName + ".azurecr.io");
            }
            case "docker:index/image:Image" -> {
                String imageName = (String) args.inputs.get("imageName");
                state.put(
                        "repoDigest",
                        imageName.substring(0, imageName.lastIndexOf(':'))
                                + "@"
                                + values.imageDigest());
            }
            case "kubernetes:core/v1:Service" ->
                    values.loadBalancerIp().ifPresent(ip -> state.put("status", serviceStatus(ip)));
            default -> state.putIfAbsent("name", args.name);
        }
        return CompletableFuture.completedFuture(
                ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public synchronized CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.add(new Invoked(args.token, args.args));
        return CompletableFuture.completedFuture(
                switch (args.token) {
                    case "azure-native:authorization:getClientConfig" ->
                            Map.of(
                                    "clientId",
                                    values.deployerClientId(),
                                    "objectId",
                                    values.deployerObjectId(),
                                    "subscriptionId",
                                    values.subscriptionId(),
                                    "tenantId",
                                    values.tenantId());
                    case "azure-native:authorization:getClientToken" ->
                            Map.of("token", values.aadToken());
                    case "azure-native:containerservice:listManagedClusterUserCredentials" ->
                            userCredentials();
                    default ->
                            throw new IllegalArgumentException(
                                    "the program called an invoke the provider mocks do not know: "
                                            + args.token);
                });
    }

    /** A LoadBalancer Service's status once Azure has given it {@code ip}. */
    private static Map<String, Object> serviceStatus(String ip) {
        return Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", ip))));
    }

    /** What AKS' listClusterUserCredential answers: the kubeconfig, base64-encoded. */
    private Map<String, Object> userCredentials() {
        String encoded =
                Base64.getEncoder()
                        .encodeToString(values.kubeconfig().getBytes(StandardCharsets.UTF_8));
        return Map.of("kubeconfigs", List.of(Map.of("name", "clusterUser", "value", encoded)));
    }

    /** Every declared resource, in the order the program declared them. */
    public synchronized List<Declared> declared() {
        return List.copyOf(declared);
    }

    /** The token of every invoke the program made, in order. */
    public synchronized List<String> invokes() {
        return invokes.stream().map(Invoked::token).toList();
    }

    /** Every invoke the program made, with its arguments, in order. */
    public synchronized List<Invoked> invocations() {
        return List.copyOf(invokes);
    }

    public synchronized List<Declared> ofType(String type) {
        return declared.stream().filter(d -> d.type().equals(type)).toList();
    }

    /**
     * The one resource of {@code type} named {@code name}; fails naming what was declared
     * otherwise.
     */
    public synchronized Declared one(String type, String name) {
        List<Declared> found =
                declared.stream()
                        .filter(d -> d.type().equals(type) && d.name().equals(name))
                        .toList();
        if (found.size() != 1) {
            throw new IllegalStateException(
                    "expected one "
                            + type
                            + " named "
                            + name
                            + ", found "
                            + found.size()
                            + "; declared: "
                            + declared.stream().map(d -> d.type() + " " + d.name()).toList());
        }
        return found.get(0);
    }
}
