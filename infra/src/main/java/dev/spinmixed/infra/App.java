package dev.spinmixed.infra;

import com.pulumi.Pulumi;
import java.nio.file.Path;

/** Entry point of {@code pulumi up}: stack config -> {@link Settings} -> the stack -> outputs. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            // Pulumi runs the program from the project directory (where Pulumi.yaml is): the repo root.
            Settings settings = Settings.fromConfig(ctx.config()::get, ctx.stackName(), Path.of("").toAbsolutePath());
            settings.warnings().forEach(ctx.log()::warn);
            var stack = new MixedWorkloadsStack(settings, AcrTokenExchange.overHttps());
            stack.outputs().forEach(ctx::export);
        });
    }
}
