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
 * Stands in for Azure, Docker and Kubernetes while the offline plan runs the program: records
 * every resource with the inputs the program gave it, and answers what the providers would
 * compute with values that say they are placeholders (names, login server, kubelet identity,
 * image digest, load balancer address). An invoke the program makes but this class does not
 * know fails the plan, so a new invoke is never silently answered.
 */
final class PlanMocks implements Mocks {
    static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
    static final String IMAGE_DIGEST = "sha256:" + "0".repeat(64);

    /** One declared resource: type token, logical name and inputs as the engine received them. */
    record Declared(String type, String name, Map<String, Object> inputs) {
    }

    private final List<Declared> declared = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        declared.add(new Declared(args.type, args.name, args.inputs));
        Map<String, Object> state = new HashMap<>(args.inputs);
        switch (args.type) {
            case "azure-native:containerservice:ManagedCluster" -> {
                state.put("name", args.name);
                state.put("identityProfile", Map.of("kubeletidentity", Map.of(
                        "objectId", PLACEHOLDER_ID, "clientId", PLACEHOLDER_ID, "resourceId", "<kubelet identity>")));
            }
            case "azure-native:containerregistry:Registry" -> {
                state.put("name", args.name);
                state.put("loginServer", args.name + ".azurecr.io");
            }
            case "docker:index/image:Image" -> {
                String imageName = (String) args.inputs.get("imageName");
                state.put("repoDigest", imageName.substring(0, imageName.lastIndexOf(':')) + "@" + IMAGE_DIGEST);
            }
            default -> state.putIfAbsent("name", args.name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "azure-native:authorization:getClientConfig" -> Map.of(
                    "clientId", PLACEHOLDER_ID, "objectId", PLACEHOLDER_ID,
                    "subscriptionId", PLACEHOLDER_ID, "tenantId", PLACEHOLDER_ID);
            case "azure-native:authorization:getClientToken" -> Map.of("token", "plan-placeholder-aad-token");
            case "azure-native:containerservice:listManagedClusterUserCredentials" -> Map.of("kubeconfigs", List.of(
                    Map.of("name", "clusterUser", "value", Base64.getEncoder().encodeToString(
                            "apiVersion: v1\nkind: Config\n".getBytes(StandardCharsets.UTF_8)))));
            default -> throw new IllegalArgumentException("the program called an invoke the offline plan does not know: "
                    + args.token);
        });
    }

    synchronized List<Declared> declared() {
        return List.copyOf(declared);
    }
}
