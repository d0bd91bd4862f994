package dev.spinmixed.infra;

import com.pulumi.core.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the stack reads from stack config, typed and validated. Built in one place ({@link
 * #fromConfig}); the stack takes this object, so tests build it directly. Any value that cannot be
 * deployed fails here, before a resource is declared, naming the key, the value and what is
 * accepted.
 *
 * @param environment tag {@code environment} on every Azure resource, and a name prefix
 * @param location Azure region, e.g. {@code westeurope}
 * @param kubernetesVersion AKS version, {@code major.minor} or {@code major.minor.patch}
 * @param clusterAccess Entra ID with Azure RBAC, or the cluster's local accounts
 * @param availabilityZones Azure availability zones ({@code 1}-{@code 3}) of every node pool;
 *     empty: none
 * @param appMinReplicas fewest replicas of each wiring's workload; the autoscaler's floor
 * @param appMaxReplicas most replicas the autoscaler runs per wiring
 * @param redisCpuLimit CPU limit of the Redis container ({@code 250m}, {@code 2}), at least its
 *     request
 * @param redisMemoryLimit memory limit of the Redis container ({@code 128Mi}, {@code 1Gi}), at
 *     least its request
 * @param appBuildContext the apps build's OCI build context (Dockerfile, spin.toml, .wasm files)
 * @param redisPassword secret; reaches the cluster only inside a Kubernetes Secret
 */
public record Settings(
        String environment,
        String location,
        String kubernetesVersion,
        ClusterAccess clusterAccess,
        int systemNodeCount,
        String systemVmSize,
        int wasmNodeCount,
        String wasmVmSize,
        List<String> availabilityZones,
        WasmRuntime wasmRuntime,
        Set<Wiring> wirings,
        int appMinReplicas,
        int appMaxReplicas,
        String redisCpuLimit,
        String redisMemoryLimit,
        String namespace,
        Path appBuildContext,
        Output<String> redisPassword) {

    public static final String PROJECT = "spin-mixed-workloads";

    /** Redis requests these; its limits (config) may not be lower. */
    public static final int REDIS_CPU_REQUEST_MILLICORES = 50;

    public static final int REDIS_MEMORY_REQUEST_MIB = 64;
    static final int MIN_REDIS_PASSWORD_LENGTH = 16;

    static final String AKS_WASI_RETIRED =
            "wasmRuntime=aks-wasi: Azure retired WASI node pools; no new WasmWasi pool can be"
                + " created since 2025-05-05, so this mode only works where such a pool can still"
                + " be created. Its shim runs Spin 2.6. Use wasmRuntime=spinkube for new clusters.";

    static final String AKS_WASI_ONE_REPLICA =
            "wasmRuntime=aks-wasi: the pool's Spin 2.6 shim cannot run only some of the app's"
                + " components, so the hops wiring's HTTP ingress and its Redis-triggered relays"
                + " share one Deployment, which runs exactly one replica (every replica would"
                + " receive every Redis message); appMinReplicas and appMaxReplicas do not apply.";

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    private static final Pattern LOCATION = Pattern.compile("[a-z]+[a-z0-9]*");
    private static final Pattern KUBERNETES_VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
    private static final Pattern VM_SIZE = Pattern.compile("Standard_[A-Za-z0-9_]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final int MAX_NODE_COUNT = 100;
    private static final Set<String> ZONES = Set.of("1", "2", "3");
    private static final Pattern MILLICORES = Pattern.compile("([1-9][0-9]{0,5})m");
    private static final Pattern CORES = Pattern.compile("([1-9][0-9]?)");
    private static final Pattern MEMORY = Pattern.compile("([1-9][0-9]{0,5})(Mi|Gi)");

    public Settings {
        require(
                "environment",
                environment,
                environment != null && ENVIRONMENT.matcher(environment).matches(),
                "lowercase letters, digits and '-', starting with a letter, at most 16 characters");
        require(
                "location",
                location,
                location != null && LOCATION.matcher(location).matches(),
                "an Azure region name such as westeurope or eastus2 (lowercase, no spaces)");
        require(
                "kubernetesVersion",
                kubernetesVersion,
                kubernetesVersion != null
                        && KUBERNETES_VERSION.matcher(kubernetesVersion).matches(),
                "an AKS version as major.minor or major.minor.patch, e.g. 1.36 or 1.36.1");
        requireCount("systemNodeCount", systemNodeCount);
        requireVmSize("systemVmSize", systemVmSize);
        requireCount("wasmNodeCount", wasmNodeCount);
        requireVmSize("wasmVmSize", wasmVmSize);
        require(
                "availabilityZones",
                availabilityZones == null ? null : String.join(",", availabilityZones),
                availabilityZones != null
                        && ZONES.containsAll(availabilityZones)
                        && Set.copyOf(availabilityZones).size() == availabilityZones.size(),
                "a comma-separated list of distinct Azure zones 1, 2, 3 (e.g. 1,2,3), or empty for"
                        + " no zones");
        availabilityZones = List.copyOf(availabilityZones);
        if (wasmRuntime == null) {
            throw InvalidSettingException.of(
                    "wasmRuntime", null, "one of " + WasmRuntime.accepted());
        }
        require(
                "wirings",
                wirings,
                wirings != null && !wirings.isEmpty(),
                "a comma-separated, non-empty subset of " + Wiring.accepted());
        wirings = Set.copyOf(wirings);
        if (clusterAccess == null) {
            throw InvalidSettingException.of(
                    "clusterAccess", null, "one of " + ClusterAccess.accepted());
        }
        require(
                "appMinReplicas",
                appMinReplicas,
                appMinReplicas >= 1 && appMinReplicas <= MAX_NODE_COUNT,
                "a whole number from 1 to " + MAX_NODE_COUNT);
        require(
                "appMaxReplicas",
                appMaxReplicas,
                appMaxReplicas >= appMinReplicas && appMaxReplicas <= MAX_NODE_COUNT,
                "a whole number from appMinReplicas (" + appMinReplicas + ") to " + MAX_NODE_COUNT);
        require(
                "redisCpuLimit",
                redisCpuLimit,
                millicores(redisCpuLimit) >= REDIS_CPU_REQUEST_MILLICORES,
                "a CPU quantity such as 250m or 2 (millicores or whole cores), at least the request"
                        + " of "
                        + REDIS_CPU_REQUEST_MILLICORES
                        + "m");
        require(
                "redisMemoryLimit",
                redisMemoryLimit,
                mebibytes(redisMemoryLimit) >= REDIS_MEMORY_REQUEST_MIB,
                "a memory quantity in Mi or Gi such as 128Mi or 1Gi, at least the request of "
                        + REDIS_MEMORY_REQUEST_MIB
                        + "Mi");
        require(
                "namespace",
                namespace,
                namespace != null && DNS_LABEL.matcher(namespace).matches(),
                "a Kubernetes namespace name (DNS label: lowercase letters, digits, '-', at most"
                        + " 63)");
        requireBuildContext(appBuildContext);
        if (redisPassword == null) {
            throw missingRedisPassword();
        }
        if (wasmRuntime == WasmRuntime.AKS_WASI) {
            refuseWhatSpin26CannotRun(
                    wirings, AppManifest.read(appBuildContext.resolve("spin.toml")));
        }
    }

    /**
     * Reads stack config through {@code config} (key without the project prefix -> value); a key
     * the stack does not set takes its {@link ConfigKey} default, as Pulumi does with
     * Pulumi.yaml's.
     */
    public static Settings fromConfig(
            Function<String, Optional<String>> config, String stackName, Path projectRoot) {
        Function<ConfigKey, String> read =
                key ->
                        config.apply(key.key())
                                .or(key::defaultValue)
                                .orElseThrow(() -> missing(key));
        String accessValue = read.apply(ConfigKey.CLUSTER_ACCESS);
        ClusterAccess access =
                ClusterAccess.fromConfigValue(accessValue)
                        .orElseThrow(
                                () ->
                                        InvalidSettingException.of(
                                                "clusterAccess",
                                                accessValue,
                                                "one of " + ClusterAccess.accepted()));
        String runtimeValue = read.apply(ConfigKey.WASM_RUNTIME);
        WasmRuntime runtime =
                WasmRuntime.fromConfigValue(runtimeValue)
                        .orElseThrow(
                                () ->
                                        InvalidSettingException.of(
                                                "wasmRuntime",
                                                runtimeValue,
                                                "one of " + WasmRuntime.accepted()));
        String password = read.apply(ConfigKey.REDIS_PASSWORD);
        if (password.length() < MIN_REDIS_PASSWORD_LENGTH) {
            // The value itself is never echoed: it is a secret.
            throw new InvalidSettingException(
                    "Config "
                            + PROJECT
                            + ":redisPassword is too short: use at least "
                            + MIN_REDIS_PASSWORD_LENGTH
                            + " characters (pulumi config set --secret redisPassword <value>)");
        }
        String environment = read.apply(ConfigKey.ENVIRONMENT);
        return new Settings(
                environment.isEmpty() ? stackName : environment,
                read.apply(ConfigKey.LOCATION),
                read.apply(ConfigKey.KUBERNETES_VERSION),
                access,
                integer(read, ConfigKey.SYSTEM_NODE_COUNT),
                read.apply(ConfigKey.SYSTEM_VM_SIZE),
                integer(read, ConfigKey.WASM_NODE_COUNT),
                read.apply(ConfigKey.WASM_VM_SIZE),
                zones(read.apply(ConfigKey.AVAILABILITY_ZONES)),
                runtime,
                wirings(read.apply(ConfigKey.WIRINGS)),
                integer(read, ConfigKey.APP_MIN_REPLICAS),
                integer(read, ConfigKey.APP_MAX_REPLICAS),
                read.apply(ConfigKey.REDIS_CPU_LIMIT),
                read.apply(ConfigKey.REDIS_MEMORY_LIMIT),
                read.apply(ConfigKey.NAMESPACE),
                projectRoot.resolve(read.apply(ConfigKey.APP_BUILD_CONTEXT)).normalize(),
                Output.ofSecret(password));
    }

    /** Things the operator should know but that do not stop the deployment. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (wasmRuntime == WasmRuntime.AKS_WASI) {
            warnings.add(AKS_WASI_RETIRED);
            warnings.add(AKS_WASI_ONE_REPLICA);
        }
        return warnings;
    }

    /** The system pool's size. */
    public PoolSize systemPool() {
        return new PoolSize(systemNodeCount, systemVmSize, availabilityZones);
    }

    /** The wasm pool's size (SpinKube's labelled pool, or the AKS WASI pool). */
    public PoolSize wasmPool() {
        return new PoolSize(wasmNodeCount, wasmVmSize, availabilityZones);
    }

    /** Tags on every Azure resource. */
    public Map<String, String> tags() {
        return Map.of("environment", environment, "project", PROJECT);
    }

    private static void refuseWhatSpin26CannotRun(Set<Wiring> wirings, AppManifest manifest) {
        for (Wiring wiring : wirings) {
            if (wiring.needsComponentDependencies()) {
                throw InvalidSettingException.of(
                        "wirings",
                        String.join(
                                ",", wirings.stream().map(Wiring::configValue).sorted().toList()),
                        "wasmRuntime=aks-wasi runs Spin 2.6, and the "
                                + wiring.configValue()
                                + " wiring composes components through Spin 3 component"
                                + " dependencies; use wasmRuntime=spinkube, or deploy only the hops"
                                + " wiring (pulumi config set wirings hops)");
            }
        }
        if (!manifest.componentsWithDependencies().isEmpty()) {
            throw InvalidSettingException.of(
                    "wasmRuntime",
                    WasmRuntime.AKS_WASI.configValue(),
                    "the app manifest "
                            + manifest.file()
                            + " declares Spin 3 component dependencies (components "
                            + String.join(", ", manifest.componentsWithDependencies())
                            + ") and the AKS WASI shim runs Spin 2.6, which cannot load it; use"
                            + " wasmRuntime=spinkube, or build an image whose spin.toml has no"
                            + " dependencies");
        }
    }

    private static Set<Wiring> wirings(String value) {
        Set<Wiring> wirings = EnumSet.noneOf(Wiring.class);
        for (String part : value.split(",")) {
            Optional<Wiring> wiring = Wiring.fromConfigValue(part.trim());
            if (wiring.isEmpty()) {
                throw InvalidSettingException.of(
                        "wirings",
                        value,
                        "a comma-separated, non-empty subset of " + Wiring.accepted());
            }
            wirings.add(wiring.get());
        }
        return wirings;
    }

    private static List<String> zones(String value) {
        return value.isBlank()
                ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    /** -1 when the value is not a CPU quantity this stack accepts. */
    private static int millicores(String value) {
        if (value == null) {
            return -1;
        }
        Matcher milli = MILLICORES.matcher(value);
        if (milli.matches()) {
            return Integer.parseInt(milli.group(1));
        }
        Matcher cores = CORES.matcher(value);
        return cores.matches() ? Integer.parseInt(cores.group(1)) * 1000 : -1;
    }

    /** -1 when the value is not a memory quantity this stack accepts. */
    private static int mebibytes(String value) {
        Matcher memory = value == null ? null : MEMORY.matcher(value);
        if (memory == null || !memory.matches()) {
            return -1;
        }
        int amount = Integer.parseInt(memory.group(1));
        return memory.group(2).equals("Gi") ? amount * 1024 : amount;
    }

    private static int integer(Function<ConfigKey, String> read, ConfigKey key) {
        String value = read.apply(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidSettingException.of(key.key(), value, "a whole number");
        }
    }

    private static InvalidSettingException missing(ConfigKey key) {
        if (key == ConfigKey.REDIS_PASSWORD) {
            return missingRedisPassword();
        }
        return new InvalidSettingException(
                "Config " + PROJECT + ":" + key.key() + " is missing: " + key.description());
    }

    private static InvalidSettingException missingRedisPassword() {
        return new InvalidSettingException(
                "Config "
                        + PROJECT
                        + ":redisPassword is missing: set it with "
                        + "`pulumi config set --secret redisPassword <value>` (at least "
                        + MIN_REDIS_PASSWORD_LENGTH
                        + " characters)");
    }

    private static void requireCount(String key, int value) {
        require(
                key,
                value,
                value >= 1 && value <= MAX_NODE_COUNT,
                "a whole number from 1 to " + MAX_NODE_COUNT);
    }

    private static void requireVmSize(String key, String value) {
        require(
                key,
                value,
                value != null && VM_SIZE.matcher(value).matches(),
                "an Azure VM size such as Standard_D2s_v5");
    }

    private static void requireBuildContext(Path context) {
        require(
                "appBuildContext",
                context,
                context != null
                        && Files.isRegularFile(context.resolve("Dockerfile"))
                        && Files.isRegularFile(context.resolve("spin.toml")),
                "a directory holding the app's Dockerfile and spin.toml; build it first with "
                        + "./mvnw -B -pl apps -am package");
    }

    private static void require(String key, Object value, boolean ok, String accepted) {
        if (!ok) {
            throw InvalidSettingException.of(key, value, accepted);
        }
    }
}
