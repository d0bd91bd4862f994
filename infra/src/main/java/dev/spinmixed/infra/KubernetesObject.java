package dev.spinmixed.infra;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * Any Kubernetes object given as apiVersion, kind, metadata and spec: the Java kubernetes SDK 4.0.0
 * has no generic custom resource, and the provider accepts {@code kubernetes:<apiVersion>:<kind>}
 * for any kind (here: CRDs, Shim, SpinAppExecutor, SpinApp).
 */
public final class KubernetesObject extends CustomResource {

    public KubernetesObject(String name, Args args, CustomResourceOptions options) {
        super("kubernetes:" + args.apiVersion + ":" + args.kind, name, args, options);
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final String apiVersion;

        @Import(name = "kind", required = true)
        private final String kind;

        @Import(name = "metadata", required = true)
        private final Map<String, Object> metadata;

        @Import(name = "spec")
        private final Output<Map<String, Object>> spec;

        public Args(
                String apiVersion,
                String kind,
                Map<String, Object> metadata,
                Output<Map<String, Object>> spec) {
            this.apiVersion = apiVersion;
            this.kind = kind;
            this.metadata = metadata;
            this.spec = spec;
        }
    }
}
