package dev.spinmixed.infra;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.NetworkPlugin;
import com.pulumi.azurenative.containerservice.enums.NetworkPolicy;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.azurenative.containerservice.enums.ResourceIdentityType;
import com.pulumi.azurenative.containerservice.inputs.ContainerServiceNetworkProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.outputs.ListManagedClusterUserCredentialsResult;
import com.pulumi.azurenative.containerservice.outputs.UserAssignedIdentityResponse;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AKS cluster: a system pool, a system-assigned identity, Azure CNI with the Azure network
 * policy engine (so NetworkPolicy is enforced), the OIDC issuer; and the Kubernetes provider the
 * other components deploy with, built from the cluster's user kubeconfig (a secret).
 *
 * <p>With {@link ClusterAccess#ENTRA}, the API server accepts only Entra ID identities, authorized
 * by Azure RBAC (local accounts disabled), and the deployer is granted "Azure Kubernetes Service
 * RBAC Cluster Admin" on the cluster; the kubeconfig then runs kubelogin, which must be on the
 * deployer's PATH. With {@link ClusterAccess#LOCAL} the kubeconfig holds the cluster's own client
 * certificate and Kubernetes RBAC applies.
 *
 * <p>Node pools are declared once each: the system pool here, inline, because AKS creates a cluster
 * only with one; every other pool as its own {@code AgentPool} resource. Later changes to the
 * inline profile are ignored, since a cluster update that carries pool profiles disturbs or fails
 * on the separately managed pools (pulumi-azure-native #2719, #4264).
 */
public final class Cluster extends ComponentResource {
    public static final String TYPE = "spinmixed:azure:Cluster";
    public static final String SYSTEM_POOL = "system";

    /** ManagedCluster inputs left as created. */
    public static final List<String> IGNORED_CHANGES = List.of("agentPoolProfiles");

    /**
     * Built-in role "Azure Kubernetes Service RBAC Cluster Admin": every Kubernetes data action on
     * the cluster (MicrosoftDocs/azure-docs, role-based-access-control/built-in-roles/
     * containers.md).
     */
    static final String RBAC_CLUSTER_ADMIN_ROLE = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";

    /** The kubeconfig format whose user runs kubelogin (AKS listClusterUserCredential). */
    static final String EXEC_KUBECONFIG = "exec";

    private final ManagedCluster managedCluster;
    private final Optional<RoleAssignment> deployerClusterAdmin;
    private final Output<String> kubeconfig;
    private final Output<String> kubeletObjectId;
    private final Provider kubernetes;

    /**
     * What the cluster is made of.
     *
     * @param dnsPrefix the API server's DNS name prefix
     * @param deployer whoever runs pulumi: granted Kubernetes admin with {@link
     *     ClusterAccess#ENTRA}
     */
    public record Args(
            Output<String> resourceGroupName,
            String location,
            String dnsPrefix,
            String kubernetesVersion,
            ClusterAccess access,
            PoolSize systemPool,
            Map<String, String> tags,
            Output<GetClientConfigResult> deployer) {}

    public Cluster(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        boolean entra = args.access() == ClusterAccess.ENTRA;
        this.managedCluster =
                new ManagedCluster(
                        name,
                        clusterArgs(args, entra),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .ignoreChanges(IGNORED_CHANGES)
                                .build());
        this.deployerClusterAdmin =
                entra ? Optional.of(deployerClusterAdmin(name, args.deployer())) : Optional.empty();
        this.kubeconfig = userKubeconfig(args.resourceGroupName(), entra);
        this.kubeletObjectId = managedCluster.identityProfile().applyValue(p -> kubeletId(name, p));
        this.kubernetes =
                new Provider(
                        name,
                        ProviderArgs.builder()
                                .kubeconfig(kubeconfig)
                                .enableServerSideApply(true)
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                // Every Kubernetes object waits for the deployer's grant.
                                .dependsOn(
                                        deployerClusterAdmin.stream()
                                                .map(Resource.class::cast)
                                                .toList())
                                .build());

        registerOutputs(Map.of("clusterName", managedCluster.name(), "kubeconfig", kubeconfig));
    }

    private static ManagedClusterArgs clusterArgs(Args args, boolean entra) {
        var cluster =
                ManagedClusterArgs.builder()
                        .resourceGroupName(args.resourceGroupName())
                        .location(args.location())
                        .dnsPrefix(args.dnsPrefix())
                        .kubernetesVersion(args.kubernetesVersion())
                        .enableRBAC(true)
                        .identity(
                                ManagedClusterIdentityArgs.builder()
                                        .type(ResourceIdentityType.SystemAssigned)
                                        .build())
                        .oidcIssuerProfile(
                                ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                        .networkProfile(
                                ContainerServiceNetworkProfileArgs.builder()
                                        .networkPlugin(NetworkPlugin.Azure)
                                        .networkPolicy(NetworkPolicy.Azure)
                                        .build())
                        .agentPoolProfiles(systemPool(args.systemPool()))
                        .tags(args.tags());
        if (entra) {
            cluster.aadProfile(
                            ManagedClusterAADProfileArgs.builder()
                                    .managed(true)
                                    .enableAzureRBAC(true)
                                    .build())
                    .disableLocalAccounts(true);
        }
        return cluster.build();
    }

    private static ManagedClusterAgentPoolProfileArgs systemPool(PoolSize size) {
        return ManagedClusterAgentPoolProfileArgs.builder()
                .name(SYSTEM_POOL)
                .mode(AgentPoolMode.System)
                .osType(OSType.Linux)
                .count(size.count())
                .vmSize(size.vmSize())
                .availabilityZones(size.zonesOrNull())
                .build();
    }

    /** The deployer may be a user or a service principal, so Azure resolves principalType. */
    private RoleAssignment deployerClusterAdmin(
            String name, Output<GetClientConfigResult> deployer) {
        return new RoleAssignment(
                name + "-deployer-rbac-cluster-admin",
                RoleAssignmentArgs.builder()
                        .scope(managedCluster.id())
                        .roleDefinitionId(
                                ContainerRegistry.roleDefinitionId(
                                        deployer, RBAC_CLUSTER_ADMIN_ROLE))
                        .principalId(deployer.applyValue(GetClientConfigResult::objectId))
                        .build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    private Output<String> userKubeconfig(Output<String> resourceGroupName, boolean entra) {
        var request =
                ListManagedClusterUserCredentialsArgs.builder()
                        .resourceGroupName(resourceGroupName)
                        .resourceName(managedCluster.name());
        if (entra) {
            request.format(EXEC_KUBECONFIG);
        }
        return ContainerserviceFunctions.listManagedClusterUserCredentials(request.build())
                .applyValue(Cluster::firstKubeconfig)
                .asSecret();
    }

    private static String firstKubeconfig(ListManagedClusterUserCredentialsResult result) {
        String encoded = result.kubeconfigs().get(0).value();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String kubeletId(
            String cluster, Optional<Map<String, UserAssignedIdentityResponse>> identities) {
        return identities
                .map(profile -> profile.get("kubeletidentity"))
                .flatMap(UserAssignedIdentityResponse::objectId)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "AKS cluster "
                                                + cluster
                                                + " reports no kubelet identity"
                                                + " (identityProfile.kubeletidentity)"));
    }

    public Output<String> clusterName() {
        return managedCluster.name();
    }

    public ManagedCluster managedCluster() {
        return managedCluster;
    }

    /** With {@link ClusterAccess#ENTRA}: the deployer's Kubernetes admin grant on the cluster. */
    public Optional<RoleAssignment> deployerClusterAdmin() {
        return deployerClusterAdmin;
    }

    /** The cluster's user kubeconfig, a secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** Object id of the kubelet's managed identity: the one that pulls images. */
    public Output<String> kubeletObjectId() {
        return kubeletObjectId;
    }

    public Provider kubernetes() {
        return kubernetes;
    }
}
