package dev.spinmixed.infra.plan;

/**
 * A Pulumi Kubernetes type token ({@code kubernetes:<group>/<version>:<Kind>}, with {@code core/v1}
 * for the core group) as the apiVersion and kind of the object it declares.
 */
record KubernetesType(String apiVersion, String kind) {
    private static final String PREFIX = "kubernetes:";

    /** True for tokens that declare a Kubernetes object (a Helm release is not one). */
    static boolean isObject(String token) {
        return token.startsWith(PREFIX) && !token.startsWith(PREFIX + "helm.sh/");
    }

    static KubernetesType of(String token) {
        int kindStart = token.lastIndexOf(':');
        if (!isObject(token) || kindStart <= PREFIX.length()) {
            throw new IllegalArgumentException("not a Kubernetes object type token: " + token);
        }
        String groupVersion = token.substring(PREFIX.length(), kindStart);
        String apiVersion =
                groupVersion.startsWith("core/")
                        ? groupVersion.substring("core/".length())
                        : groupVersion;
        return new KubernetesType(apiVersion, token.substring(kindStart + 1));
    }
}
