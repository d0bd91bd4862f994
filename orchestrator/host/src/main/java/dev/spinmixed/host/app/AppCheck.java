package dev.spinmixed.host.app;

import dev.spinmixed.host.redis.EventSink;
import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.spinapp.AppLayout;
import dev.spinmixed.spinapp.ContractCheck;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code check}: reads a manifest with Spin's rules, runs the app's {@link ContractCheck} (core
 * modules against their worlds, Spin's composition rules, trigger handlers), says what this host
 * cannot run, resolves the variables and links every triggered component, reporting every problem
 * (not just the first) without serving anything.
 */
public final class AppCheck {

    private AppCheck() {}

    /**
     * @return true when the app has no problem
     */
    public static boolean run(
            Path manifestFile,
            Optional<AppLayout> appLayout,
            LinkedRuntime.Settings settings,
            PrintWriter out) {
        SpinManifest manifest;
        AppLayout layout;
        try {
            manifest = ManifestReader.read(manifestFile);
            layout = appLayout.orElseGet(() -> AppLayout.around(manifestFile));
        } catch (RuntimeException e) {
            out.println("FAIL " + e.getMessage());
            out.flush();
            return false;
        }
        out.println(
                "manifest "
                        + manifest.file()
                        + ": app '"
                        + manifest.application().name()
                        + "' "
                        + manifest.application().version()
                        + ", "
                        + manifest.components().size()
                        + " components, "
                        + manifest.httpTriggers().size()
                        + " HTTP and "
                        + manifest.redisTriggers().size()
                        + " Redis triggers (Spin's schema and normalization: ok)");
        manifest.warnings().forEach(w -> out.println("warning: " + w));
        HostSupport.ignored(manifest).forEach(w -> out.println("warning: " + w));
        List<String> problems = new ArrayList<>();
        HostSupport.unsupported(manifest)
                .forEach(
                        p -> {
                            problems.add(p);
                            out.println("FAIL " + p);
                        });
        ContractCheck.Report report = ContractCheck.run(manifest, layout);
        for (ContractCheck.Finding f : report.findings()) {
            out.println((f.ok() ? "ok   " : "FAIL ") + f.subject() + ": " + f.message());
            if (!f.ok()) {
                problems.add(f.subject());
            }
        }
        VariableResolver variables;
        try {
            variables =
                    VariableResolver.create(
                            manifest,
                            System.getenv(),
                            SpinApp.variableOverrides(
                                    manifest,
                                    Optional.ofNullable(
                                            System.getenv("SPIN_VARIABLE_REDIS_ADDRESS"))));
        } catch (RuntimeException e) {
            problems.add("variables");
            out.println("FAIL variables: " + e.getMessage());
            variables = null;
        }
        if (variables != null) {
            VariableResolver resolved = variables;
            attempt(
                    out,
                    problems,
                    "allowed_outbound_hosts",
                    () -> SpinApp.allowedOutboundHosts(manifest, resolved).size() + " components");
            report.app()
                    .ifPresent(
                            app -> {
                                HostFunctions host =
                                        new HostFunctions(
                                                new OutboundRedis(
                                                        false,
                                                        id -> null,
                                                        Set.of(),
                                                        new EventSink()),
                                                resolved);
                                attempt(
                                        out,
                                        problems,
                                        "linking",
                                        () -> {
                                            LinkedRuntime.create(app, host, settings).close();
                                            return manifest.triggeredComponents().size()
                                                    + " triggered components link, every import"
                                                    + " served";
                                        });
                            });
        }
        out.println(
                problems.isEmpty()
                        ? "check passed"
                        : "check failed: " + problems.size() + " problem(s)");
        out.flush();
        return problems.isEmpty();
    }

    private static void attempt(
            PrintWriter out, List<String> problems, String what, Supplier<String> step) {
        try {
            out.println("ok   " + what + ": " + step.get());
        } catch (RuntimeException e) {
            problems.add(what);
            out.println("FAIL " + what + ": " + e.getMessage());
        }
    }
}
