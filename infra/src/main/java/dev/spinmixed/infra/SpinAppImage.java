package dev.spinmixed.infra;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.authorization.outputs.GetClientTokenResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.docker.Image;
import com.pulumi.docker.ImageArgs;
import com.pulumi.docker.enums.BuilderVersion;
import com.pulumi.docker.inputs.DockerBuildArgs;
import com.pulumi.docker.inputs.RegistryArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Spin app as an OCI image: built from the apps build's context (spin.toml, the component .wasm
 * files, a Dockerfile FROM scratch) for platform {@code wasi/wasm}, pushed to the registry with the
 * deployer's own identity, and addressed by digest.
 */
public final class SpinAppImage extends ComponentResource {
    public static final String TYPE = "spinmixed:app:SpinAppImage";
    public static final String REPOSITORY = "spin-mixed-workloads/orders";
    static final String PLATFORM = "wasi/wasm";

    /** Stands in for the push token during a preview, which pushes nothing. */
    static final String PREVIEW_PASSWORD = "preview-pushes-nothing";

    private final Image image;

    /**
     * What the image is built from and pushed to.
     *
     * @param buildContext the apps build's OCI build context (Dockerfile, spin.toml, .wasm files)
     * @param deployer whoever runs pulumi: the identity the push runs as
     */
    public record Args(
            Path buildContext,
            ContainerRegistry registry,
            Output<GetClientConfigResult> deployer,
            AcrTokenExchange exchange) {}

    public SpinAppImage(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ContainerRegistry registry = args.registry();
        String tag = ContentTag.of(args.buildContext());
        Output<String> password = pushToken(registry, args.deployer(), args.exchange());
        this.image =
                new Image(
                        name,
                        ImageArgs.builder()
                                .imageName(
                                        registry.loginServer()
                                                .applyValue(server -> imageName(server, tag)))
                                .build(wasmBuild(args.buildContext()))
                                .registry(
                                        RegistryArgs.builder()
                                                .server(registry.loginServer())
                                                .username(AcrTokenExchange.TOKEN_USER)
                                                .password(password)
                                                .build())
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .dependsOn(List.of(registry.deployerPush()))
                                .build());
        registerOutputs(Map.of("imageRef", imageRef()));
    }

    private static String imageName(String loginServer, String tag) {
        return loginServer + "/" + REPOSITORY + ":" + tag;
    }

    private static DockerBuildArgs wasmBuild(Path context) {
        return DockerBuildArgs.builder()
                .context(context.toString())
                .dockerfile(context.resolve("Dockerfile").toString())
                .platform(PLATFORM)
                .builderVersion(BuilderVersion.BuilderBuildKit)
                .build();
    }

    /**
     * The registry password for the push: on {@code up}, an ACR refresh token for the deployer's
     * own identity, asked for once the AcrPush grant exists and, while the grant propagates, again
     * until it takes effect ({@link AcrTokenExchange#pushToken}). A preview neither builds nor
     * pushes (pulumi-docker 4.5.1 builds on preview only with {@code buildOnPreview}, and its diff
     * ignores the registry password), so it asks Azure for no token and passes a placeholder.
     */
    private static Output<String> pushToken(
            ContainerRegistry registry,
            Output<GetClientConfigResult> deployer,
            AcrTokenExchange exchange) {
        if (Deployment.getInstance().isDryRun()) {
            return Output.ofSecret(PREVIEW_PASSWORD);
        }
        Output<GetClientTokenResult> aadToken = AuthorizationFunctions.getClientToken();
        return Output.tuple(
                        registry.loginServer(), deployer, aadToken, registry.deployerPush().id())
                .applyValue(
                        t -> exchange.pushToken(t.t1, t.t2.tenantId(), t.t3.token(), REPOSITORY))
                .asSecret();
    }

    /** {@code <registry>/<repository>@sha256:...}: what the workloads run, never a moving tag. */
    public Output<String> imageRef() {
        return image.repoDigest();
    }

    public Image image() {
        return image;
    }
}
