package dev.spinmixed.infra.stack;

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
 * Plays Azure, Docker and Kubernetes for the stack: records every resource the program declares
 * and answers with the outputs those providers would compute (names, login server, kubelet
 * identity, image digest, load balancer address). Every invoke the program makes is answered;
 * any other invoke fails the run.
 */
final class StackMocks implements Mocks {
    static final String KUBELET_OBJECT_ID = "11111111-aaaa-4bbb-8ccc-000000000001";
    static final String DEPLOYER_OBJECT_ID = "22222222-aaaa-4bbb-8ccc-000000000002";
    static final String SUBSCRIPTION_ID = "33333333-aaaa-4bbb-8ccc-000000000003";
    static final String TENANT_ID = "44444444-aaaa-4bbb-8ccc-000000000004";
    static final String AAD_TOKEN = "aad-access-token-of-the-deployer";
    static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\n";
    static final String IMAGE_DIGEST = "sha256:" + "ab".repeat(32);
    static final String LOAD_BALANCER_IP = "20.0.0.10";

    /** One declared resource: its type token, logical name and inputs as the engine received them. */
    record Declared(String type, String name, Map<String, Object> inputs) {
    }

    final List<Declared> declared = new ArrayList<>();
    final List<String> invokes = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        declared.add(new Declared(args.type, args.name, args.inputs));
        Map<String, Object> state = new HashMap<>(args.inputs);
        switch (args.type) {
            case "azure-native:resources:ResourceGroup" -> state.put("name", args.name + "1234");
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
                state.put("repoDigest", imageName.substring(0, imageName.lastIndexOf(':')) + "@" + IMAGE_DIGEST);
            }
            case "kubernetes:core/v1:Service" -> state.put("status",
                    Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", LOAD_BALANCER_IP)))));
            default -> state.putIfAbsent("name", args.name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public synchronized CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.add(args.token);
        return CompletableFuture.completedFuture(switch (args.token) {
            case "azure-native:authorization:getClientConfig" -> Map.of(
                    "clientId", "deployer-client", "objectId", DEPLOYER_OBJECT_ID,
                    "subscriptionId", SUBSCRIPTION_ID, "tenantId", TENANT_ID);
            case "azure-native:authorization:getClientToken" -> Map.of("token", AAD_TOKEN);
            case "azure-native:containerservice:listManagedClusterUserCredentials" -> Map.of("kubeconfigs", List.of(
                    Map.of("name", "clusterUser",
                            "value", Base64.getEncoder().encodeToString(KUBECONFIG.getBytes(StandardCharsets.UTF_8)))));
            default -> throw new IllegalArgumentException("the stack called an invoke the mocks do not know: " + args.token);
        });
    }

    synchronized List<Declared> ofType(String type) {
        return declared.stream().filter(d -> d.type().equals(type)).toList();
    }

    synchronized Declared one(String type, String name) {
        List<Declared> found = declared.stream().filter(d -> d.type().equals(type) && d.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + found.size()
                    + "; declared: " + declared.stream().map(d -> d.type() + " " + d.name()).toList());
        }
        return found.get(0);
    }
}
