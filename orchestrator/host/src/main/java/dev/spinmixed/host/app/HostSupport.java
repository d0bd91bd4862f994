package dev.spinmixed.host.app;

import dev.spinmixed.spinapp.manifest.ManifestComponent;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import dev.spinmixed.spinapp.manifest.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * What Spin accepts but this host cannot run: it serves HTTP and Redis triggers through {@code
 * fermyon:spin/inbound-http} and {@code inbound-redis}, from local components, without files, key
 * value stores, databases or AI models. The manifest is read with Spin's rules first; these are
 * this host's own limits, each named so that it is never mistaken for Spin's verdict.
 */
public final class HostSupport {

    private HostSupport() {}

    /** One line per feature of the manifest that this host does not run. */
    public static List<String> unsupported(SpinManifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Trigger t : manifest.triggers()) {
            String where = "trigger." + t.type() + " (id " + t.id() + ")";
            if (t instanceof Trigger.OtherTrigger) {
                problems.add(
                        where
                                + ": this host runs http and redis triggers only, not '"
                                + t.type()
                                + "'");
            } else if (t instanceof Trigger.HttpTrigger http) {
                if (http.staticResponse().isPresent()) {
                    problems.add(where + ": static_response is not served by this host");
                }
                if (!(http.executor() instanceof Trigger.HttpExecutor.Http)) {
                    problems.add(
                            where
                                    + ": this host runs the default http executor only (components"
                                    + " exporting fermyon:spin/inbound-http)");
                }
            }
        }
        for (ManifestComponent c : manifest.components().values()) {
            String where = "component." + c.id();
            unsupportedIfSet(problems, where, "files", !c.files().isEmpty());
            unsupportedIfSet(problems, where, "key_value_stores", !c.keyValueStores().isEmpty());
            unsupportedIfSet(problems, where, "sqlite_databases", !c.sqliteDatabases().isEmpty());
            unsupportedIfSet(problems, where, "ai_models", !c.aiModels().isEmpty());
            if (!c.allowedHttpHosts().isEmpty()) {
                problems.add(
                        where
                                + ".allowed_http_hosts: Spin converts this deprecated field, this"
                                + " host does not; use allowed_outbound_hosts");
            }
        }
        return problems;
    }

    /** What the host ignores although Spin would use it. */
    public static List<String> ignored(SpinManifest manifest) {
        List<String> warnings = new ArrayList<>();
        for (ManifestComponent c : manifest.components().values()) {
            if (!c.environment().isEmpty()) {
                warnings.add(
                        "component."
                                + c.id()
                                + ".environment is not passed to the guest by this host (its"
                                + " WASI grant has no environment variables)");
            }
        }
        return warnings;
    }

    private static void unsupportedIfSet(
            List<String> problems, String where, String field, boolean set) {
        if (set) {
            problems.add(where + "." + field + " is not supported by this host");
        }
    }
}
