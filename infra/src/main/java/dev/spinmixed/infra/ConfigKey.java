package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every stack config key the program reads, as Pulumi.yaml declares it to Pulumi (project {@code
 * config:}: type, description, default, secret). {@link Settings#fromConfig} reads the keys through
 * this table, and tests/stack holds Pulumi.yaml to it, so the two cannot drift. A key without a
 * default is one every stack must set (Pulumi refuses to run without it).
 */
public enum ConfigKey {
    REDIS_PASSWORD(
            "redisPassword",
            Type.STRING,
            null,
            true,
            "Redis password, at least 16 characters; reaches the cluster only inside Kubernetes"
                    + " Secrets."),
    ENVIRONMENT(
            "environment",
            Type.STRING,
            "",
            false,
            "Tag `environment` on every Azure resource and the prefix of resource names (lowercase"
                    + " letters, digits, '-', at most 16); empty: the stack name."),
    LOCATION("location", Type.STRING, "westeurope", false, "Azure region of every resource."),
    KUBERNETES_VERSION(
            "kubernetesVersion",
            Type.STRING,
            PinnedVersions.KUBERNETES.version(),
            false,
            "AKS Kubernetes version, major.minor or major.minor.patch."),
    CLUSTER_ACCESS(
            "clusterAccess",
            Type.STRING,
            ClusterAccess.ENTRA.configValue(),
            false,
            "Who may use the Kubernetes API: entra (Entra ID with Azure RBAC, local accounts"
                    + " disabled) or local (the cluster's own accounts)."),
    SYSTEM_NODE_COUNT(
            "systemNodeCount", Type.INTEGER, "1", false, "Nodes in the system pool (1-100)."),
    SYSTEM_VM_SIZE(
            "systemVmSize", Type.STRING, "Standard_D2s_v5", false, "VM size of the system pool."),
    WASM_NODE_COUNT("wasmNodeCount", Type.INTEGER, "1", false, "Nodes in the wasm pool (1-100)."),
    WASM_VM_SIZE("wasmVmSize", Type.STRING, "Standard_D2s_v5", false, "VM size of the wasm pool."),
    AVAILABILITY_ZONES(
            "availabilityZones",
            Type.STRING,
            "",
            false,
            "Availability zones of every node pool, comma-separated from 1, 2, 3; empty: no"
                    + " zones."),
    WASM_RUNTIME(
            "wasmRuntime",
            Type.STRING,
            "spinkube",
            false,
            "How the cluster runs wasm: spinkube or aks-wasi (retired by Azure)."),
    WIRINGS(
            "wirings",
            Type.STRING,
            "orchestrated,hops",
            false,
            "Wirings to deploy, comma-separated: orchestrated, hops."),
    APP_MIN_REPLICAS(
            "appMinReplicas",
            Type.INTEGER,
            "1",
            false,
            "Fewest replicas of each HTTP workload (orchestrated, hops ingress), where its CPU"
                    + " autoscaler starts (1-100); from 2 on, a PodDisruptionBudget keeps one"
                    + " running. The hops relays always run one."),
    APP_MAX_REPLICAS(
            "appMaxReplicas",
            Type.INTEGER,
            "3",
            false,
            "Most replicas the CPU autoscaler runs per HTTP workload (appMinReplicas-100)."),
    REDIS_CPU_LIMIT(
            "redisCpuLimit",
            Type.STRING,
            "250m",
            false,
            "CPU limit of the Redis container (millicores such as 500m, or whole cores), at least"
                    + " 50m."),
    REDIS_MEMORY_LIMIT(
            "redisMemoryLimit",
            Type.STRING,
            "128Mi",
            false,
            "Memory limit of the Redis container, in Mi or Gi, at least 64Mi."),
    NAMESPACE(
            "namespace",
            Type.STRING,
            "spin-mixed",
            false,
            "Kubernetes namespace of the app and Redis."),
    APP_BUILD_CONTEXT(
            "appBuildContext",
            Type.STRING,
            "apps/target/oci",
            false,
            "The app's OCI build context, relative to the repository root.");

    /** The project config types of Pulumi.yaml this program uses. */
    public enum Type {
        STRING,
        INTEGER;

        /** As Pulumi.yaml spells it. */
        public String pulumiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    ConfigKey(String key, Type type, String defaultValue, boolean secret, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** The key without the project prefix, e.g. {@code location}. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** Empty for a key every stack must set. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
