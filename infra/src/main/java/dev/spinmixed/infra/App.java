package dev.spinmixed.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import java.nio.file.Path;

/**
 * Entry point of {@code pulumi up}: stack config -> {@link Settings} -> contract gate -> the stack
 * -> outputs.
 */
public final class App {
    private App() {}

    public static void main(String[] args) {
        Pulumi.run(
                ctx -> {
                    // Pulumi runs the program from the project directory (where Pulumi.yaml is):
                    // the repo root.
                    Path projectRoot = Path.of("").toAbsolutePath();
                    Settings settings =
                            Settings.fromConfig(ctx.config()::get, ctx.stackName(), projectRoot);
                    declare(
                            ctx,
                            settings,
                            projectRoot,
                            AcrTokenExchange.overHttps(ctx.log()::info));
                });
    }

    /**
     * The program once its settings are known; the offline plan runs exactly this under mocks. The
     * app's wasm must keep its WIT contracts before anything, the image first of all, is declared.
     */
    public static MixedWorkloadsStack declare(
            Context ctx, Settings settings, Path projectRoot, AcrTokenExchange exchange) {
        ContractGate.check(ContractGate.Inputs.of(projectRoot, settings.appBuildContext()));
        settings.warnings().forEach(ctx.log()::warn);
        var stack = new MixedWorkloadsStack(settings, exchange);
        stack.outputs().forEach(ctx::export);
        return stack;
    }
}
