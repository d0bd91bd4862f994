package dev.spinmixed.reliability;

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
 * Plays Azure, Docker and Kubernetes for a stack run under {@code PulumiTest} (the approach of
 * tests/stack): records every declared resource with its inputs and answers the outputs the
 * program reads (kubelet identity, login server, image digest, load balancer address) and its
 * invokes.
 */
final class StackRecorder implements Mocks {

    static final String KUBELET_OBJECT_ID = "11111111-aaaa-4bbb-8ccc-000000000001";

    /** One declared resource: type token, logical name and inputs as the engine received them. */
    record Declared(String type, String name, Map<String, Object> inputs) {}

    private final List<Declared> declared = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        declared.add(new Declared(args.type, args.name, args.inputs));
        Map<String, Object> state = new HashMap<>(args.inputs);
        switch (args.type) {
            case "azure-native:containerservice:ManagedCluster" -> {
                state.put("name", args.name + "1234");
                state.put("identityProfile", Map.of("kubeletidentity", Map.of(
                        "objectId", KUBELET_OBJECT_ID, "clientId", "kubelet-client", "resourceId", "kubelet-id")));
            }
            case "azure-native:containerregistry:Registry" -> {
                state.put("name", args.name + "1234");
                state.put("loginServer", args.name + "1234.azurecr.io");
            }
            case "docker:index/image:Image" -> {
                String imageName = (String) args.inputs.get("imageName");
                state.put("repoDigest", imageName.substring(0, imageName.lastIndexOf(':')) + "@sha256:" + "ab".repeat(32));
            }
            case "kubernetes:core/v1:Service" -> state.put("status",
                    Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", "20.0.0.10")))));
            default -> state.putIfAbsent("name", args.name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "azure-native:authorization:getClientConfig" -> Map.of(
                    "clientId", "deployer-client", "objectId", "22222222-aaaa-4bbb-8ccc-000000000002",
                    "subscriptionId", "33333333-aaaa-4bbb-8ccc-000000000003", "tenantId", "44444444-aaaa-4bbb-8ccc-000000000004");
            case "azure-native:authorization:getClientToken" -> Map.of("token", "aad-access-token-of-the-deployer");
            case "azure-native:containerservice:listManagedClusterUserCredentials" -> Map.of("kubeconfigs", List.of(
                    Map.of("name", "clusterUser", "value", Base64.getEncoder().encodeToString(
                            "apiVersion: v1\nkind: Config\nclusters: []\n".getBytes(StandardCharsets.UTF_8)))));
            default -> throw new IllegalArgumentException("the stack called an invoke the recorder does not know: " + args.token);
        });
    }

    synchronized List<Declared> declared() {
        return List.copyOf(declared);
    }

    synchronized List<Declared> ofType(String type) {
        return declared.stream().filter(d -> d.type().equals(type)).toList();
    }
}
