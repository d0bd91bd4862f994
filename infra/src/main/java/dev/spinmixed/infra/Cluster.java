package dev.spinmixed.infra;

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
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.outputs.UserAssignedIdentityResponse;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The AKS cluster: a system pool, a system-assigned identity, Kubernetes RBAC, Azure CNI with the
 * Azure network policy engine (so NetworkPolicy is enforced), the OIDC issuer; plus the Kubernetes
 * provider built from the cluster's user kubeconfig (a secret).
 */
public final class Cluster extends ComponentResource {
    public static final String TYPE = "spinmixed:azure:Cluster";

    private final ManagedCluster managedCluster;
    private final Output<String> kubeconfig;
    private final Output<String> kubeletObjectId;
    private final Provider kubernetes;

    public Cluster(
            String name,
            Settings settings,
            Output<String> resourceGroupName,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        this.managedCluster =
                new ManagedCluster(
                        name,
                        ManagedClusterArgs.builder()
                                .resourceGroupName(resourceGroupName)
                                .location(settings.location())
                                .dnsPrefix(settings.environment() + "-spin")
                                .kubernetesVersion(settings.kubernetesVersion())
                                .enableRBAC(true)
                                .identity(
                                        ManagedClusterIdentityArgs.builder()
                                                .type(ResourceIdentityType.SystemAssigned)
                                                .build())
                                .oidcIssuerProfile(
                                        ManagedClusterOIDCIssuerProfileArgs.builder()
                                                .enabled(true)
                                                .build())
                                .networkProfile(
                                        ContainerServiceNetworkProfileArgs.builder()
                                                .networkPlugin(NetworkPlugin.Azure)
                                                .networkPolicy(NetworkPolicy.Azure)
                                                .build())
                                .agentPoolProfiles(
                                        ManagedClusterAgentPoolProfileArgs.builder()
                                                .name("system")
                                                .mode(AgentPoolMode.System)
                                                .osType(OSType.Linux)
                                                .count(settings.systemNodeCount())
                                                .vmSize(settings.systemVmSize())
                                                .availabilityZones(settings.zonesOrNull())
                                                .build())
                                .tags(settings.tags())
                                .build(),
                        child);

        Output<String> encoded =
                ContainerserviceFunctions.listManagedClusterUserCredentials(
                                ListManagedClusterUserCredentialsArgs.builder()
                                        .resourceGroupName(resourceGroupName)
                                        .resourceName(managedCluster.name())
                                        .build())
                        .applyValue(result -> result.kubeconfigs().get(0).value());
        this.kubeconfig =
                encoded.applyValue(
                                value ->
                                        new String(
                                                Base64.getDecoder().decode(value),
                                                StandardCharsets.UTF_8))
                        .asSecret();

        this.kubeletObjectId =
                managedCluster
                        .identityProfile()
                        .applyValue(
                                profile ->
                                        profile.map(identities -> identities.get("kubeletidentity"))
                                                .flatMap(UserAssignedIdentityResponse::objectId)
                                                .orElseThrow(
                                                        () ->
                                                                new IllegalStateException(
                                                                        "AKS cluster "
                                                                                + name
                                                                                + " reports no"
                                                                                + " kubelet"
                                                                                + " identity"
                                                                                + " (identityProfile.kubeletidentity)")));

        this.kubernetes =
                new Provider(
                        name,
                        ProviderArgs.builder()
                                .kubeconfig(kubeconfig)
                                .enableServerSideApply(true)
                                .build(),
                        child);

        registerOutputs(Map.of("clusterName", managedCluster.name(), "kubeconfig", kubeconfig));
    }

    public Output<String> clusterName() {
        return managedCluster.name();
    }

    public ManagedCluster managedCluster() {
        return managedCluster;
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
