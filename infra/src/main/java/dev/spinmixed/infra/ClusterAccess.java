package dev.spinmixed.infra;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who may use the cluster's Kubernetes API: the value of the {@code clusterAccess} config key. */
public enum ClusterAccess {
    /**
     * Entra ID with Azure RBAC for Kubernetes, local accounts disabled: every caller, the program
     * included, signs in with its own Entra identity through kubelogin.
     */
    ENTRA("entra"),
    /** The cluster's own accounts: a client certificate in the kubeconfig, Kubernetes RBAC. */
    LOCAL("local");

    private final String configValue;

    ClusterAccess(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<ClusterAccess> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(a -> a.configValue.equals(value)).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values())
                .map(ClusterAccess::configValue)
                .collect(Collectors.joining(", "));
    }
}
