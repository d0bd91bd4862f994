package dev.spinmixed.infra;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A workload as a Deployment on the AKS WASI pool ({@link AksWasiRuntime}): RuntimeClass {@code
 * wasmtime-spin-v2}, scheduled onto the pool's tainted nodes, the Redis variables as Spin reads
 * them from the environment. The pool's shim runs every component of the image ({@link
 * WasmRuntime#AKS_WASI}), so no component list is passed. A scaling workload has no replica count,
 * which its HorizontalPodAutoscaler owns; a singleton runs one replica and is replaced by stopping
 * the old pod before starting the new one ({@code Recreate}), so that two never subscribe to the
 * same channels at once, even during a rollout.
 *
 * <p>The pod runs non-root with a read-only root filesystem, no privilege escalation, no
 * capabilities and the default seccomp profile. Harmless for a wasm pod: the shim only reads
 * spin.toml and the world-readable .wasm files from the image, which holds no executable; the
 * guests reach the host only through WASI, with no files granted in spin.toml, and write only to
 * Redis over the network. The settings bound the shim process itself if it were compromised.
 */
final class WasiDeployment {
    /**
     * Any non-root uid: the image is FROM scratch (no user database, so the uid must be numeric)
     * and its files are world-readable.
     */
    static final int SPIN_POD_UID = 65532;

    private WasiDeployment() {}

    static Deployment of(
            String resourceName, SpinAppWorkloads.AppWorkload app, CustomResourceOptions options) {
        return new Deployment(
                resourceName,
                DeploymentArgs.builder()
                        .metadata(app.metadata(app.name()))
                        .spec(
                                spec(app)
                                        .selector(
                                                LabelSelectorArgs.builder()
                                                        .matchLabels(app.podSelector())
                                                        .build())
                                        .template(
                                                PodTemplateSpecArgs.builder()
                                                        .metadata(
                                                                ObjectMetaArgs.builder()
                                                                        .labels(app.podLabels())
                                                                        .build())
                                                        .spec(pod(app))
                                                        .build())
                                        .build())
                        .build(),
                options);
    }

    private static DeploymentSpecArgs.Builder spec(SpinAppWorkloads.AppWorkload app) {
        var spec = DeploymentSpecArgs.builder();
        if (app.workload().singleton()) {
            spec.replicas(1).strategy(DeploymentStrategyArgs.builder().type("Recreate").build());
        }
        return spec;
    }

    private static PodSpecArgs pod(SpinAppWorkloads.AppWorkload app) {
        return PodSpecArgs.builder()
                .runtimeClassName(AksWasiRuntime.RUNTIME_CLASS)
                .nodeSelector(AksWasiRuntime.NODE_SELECTOR)
                .tolerations(
                        TolerationArgs.builder()
                                .key(AksWasiRuntime.TAINT_KEY)
                                .operator("Equal")
                                .value(AksWasiRuntime.TAINT_VALUE)
                                .effect(AksWasiRuntime.TAINT_EFFECT)
                                .build())
                .automountServiceAccountToken(false)
                .securityContext(
                        PodSecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .runAsUser(SPIN_POD_UID)
                                .runAsGroup(SPIN_POD_UID)
                                .seccompProfile(
                                        SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                .build())
                .containers(container(app))
                .build();
    }

    private static ContainerArgs container(SpinAppWorkloads.AppWorkload app) {
        return ContainerArgs.builder()
                .name(app.name())
                .image(app.imageRef())
                // The shim reads spin.toml from the image; it ignores the command.
                .command("/")
                .env(
                        redisAddress(),
                        EnvVarArgs.builder()
                                .name(SpinAppWorkloads.REDIS_HOST_ENV)
                                .value(app.redisHost())
                                .build())
                .ports(
                        ContainerPortArgs.builder()
                                .name("http")
                                .containerPort(SpinAppWorkloads.HTTP_PORT)
                                .build())
                .readinessProbe(
                        ProbeArgs.builder()
                                .tcpSocket(
                                        TCPSocketActionArgs.builder()
                                                .port(SpinAppWorkloads.HTTP_PORT)
                                                .build())
                                .periodSeconds(10)
                                .build())
                .resources(
                        ResourceRequirementsArgs.builder()
                                .requests(SpinAppWorkloads.APP_REQUESTS)
                                .limits(SpinAppWorkloads.APP_LIMITS)
                                .build())
                .securityContext(
                        SecurityContextArgs.builder()
                                .allowPrivilegeEscalation(false)
                                .readOnlyRootFilesystem(true)
                                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                                .build())
                .build();
    }

    private static EnvVarArgs redisAddress() {
        return EnvVarArgs.builder()
                .name(SpinAppWorkloads.REDIS_ADDRESS_ENV)
                .valueFrom(
                        EnvVarSourceArgs.builder()
                                .secretKeyRef(
                                        SecretKeySelectorArgs.builder()
                                                .name(Redis.ADDRESS_SECRET)
                                                .key(Redis.ADDRESS_KEY)
                                                .build())
                                .build())
                .build();
    }
}
