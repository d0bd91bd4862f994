package dev.spinmixed.infra;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.containerregistry.Registry;
import com.pulumi.azurenative.containerregistry.RegistryArgs;
import com.pulumi.azurenative.containerregistry.enums.SkuName;
import com.pulumi.azurenative.containerregistry.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * Azure Container Registry with the admin user disabled. Nobody holds a registry password: the
 * kubelet identity pulls through an AcrPull role assignment, and whoever runs {@code pulumi up}
 * pushes with their own Entra identity through an AcrPush role assignment.
 */
public final class ContainerRegistry extends ComponentResource {
    public static final String TYPE = "spinmixed:azure:ContainerRegistry";

    /** Built-in role ids, the same in every Azure subscription. */
    static final String ACR_PULL_ROLE = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

    static final String ACR_PUSH_ROLE = "8311e382-0749-4cb8-b61a-304f252e45ec";

    private final Registry registry;
    private final RoleAssignment kubeletPull;
    private final RoleAssignment deployerPush;

    /**
     * What the registry is made of.
     *
     * @param deployer whoever runs pulumi: granted AcrPush
     * @param kubeletObjectId the cluster's kubelet identity: granted AcrPull
     */
    public record Args(
            Output<String> resourceGroupName,
            String location,
            Map<String, String> tags,
            Output<GetClientConfigResult> deployer,
            Output<String> kubeletObjectId) {}

    public ContainerRegistry(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.registry =
                new Registry(
                        name,
                        RegistryArgs.builder()
                                .resourceGroupName(args.resourceGroupName())
                                .location(args.location())
                                .sku(SkuArgs.builder().name(SkuName.Basic).build())
                                .adminUserEnabled(false)
                                .tags(args.tags())
                                .build(),
                        child);
        this.kubeletPull =
                new RoleAssignment(
                        name + "-kubelet-acrpull",
                        RoleAssignmentArgs.builder()
                                .scope(registry.id())
                                .roleDefinitionId(roleDefinitionId(args.deployer(), ACR_PULL_ROLE))
                                .principalId(args.kubeletObjectId())
                                .principalType(PrincipalType.ServicePrincipal)
                                .build(),
                        child);
        // The deployer may be a user or a service principal (CI), so principalType is left for
        // Azure to resolve.
        this.deployerPush =
                new RoleAssignment(
                        name + "-deployer-acrpush",
                        RoleAssignmentArgs.builder()
                                .scope(registry.id())
                                .roleDefinitionId(roleDefinitionId(args.deployer(), ACR_PUSH_ROLE))
                                .principalId(
                                        args.deployer().applyValue(GetClientConfigResult::objectId))
                                .build(),
                        child);
        registerOutputs(Map.of("loginServer", registry.loginServer()));
    }

    /** The subscription-scoped id of a built-in role. */
    static Output<String> roleDefinitionId(Output<GetClientConfigResult> client, String roleId) {
        return client.applyValue(
                c ->
                        "/subscriptions/"
                                + c.subscriptionId()
                                + "/providers/Microsoft.Authorization/roleDefinitions/"
                                + roleId);
    }

    public Registry registry() {
        return registry;
    }

    public Output<String> loginServer() {
        return registry.loginServer();
    }

    public RoleAssignment kubeletPull() {
        return kubeletPull;
    }

    /** The push permission the image build waits for. */
    public RoleAssignment deployerPush() {
        return deployerPush;
    }
}
