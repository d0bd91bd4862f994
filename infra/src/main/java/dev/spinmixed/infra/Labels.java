package dev.spinmixed.infra;

import java.util.Map;

/** The {@code app.kubernetes.io/*} labels every Kubernetes object of the stack carries. */
final class Labels {
    static final String NAME = "app.kubernetes.io/name";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** Component label of the Spin app's pods; Redis admits traffic only from pods carrying it. */
    static final String SPIN_APP_COMPONENT = "spin-app";

    private Labels() {}

    static Map<String, String> of(String name, String component) {
        return Map.of(
                NAME, name, COMPONENT, component, PART_OF, Settings.PROJECT, MANAGED_BY, "pulumi");
    }

    /** What a selector matches on: stable across label additions. */
    static Map<String, String> selector(String name, String component) {
        return Map.of(NAME, name, COMPONENT, component);
    }
}
