package dev.spinmixed.spinapp.compose;

import java.util.List;
import java.util.Set;

/**
 * The exports of the {@code deny-all} adapter that Spin plugs into a dependency when the depending
 * component does not set {@code dependencies_inherit_configuration = true} (spin v3.6.3 {@code
 * crates/compose/deny-all/wit/world.wit}, applied by {@code apply_deny_all_adapter} in {@code
 * crates/compose/src/lib.rs}). wac-graph's {@code plug} matches an export to an import by its exact
 * name: an import at another version (the jco adapter's {@code wasi:cli/environment@0.2.12}, or the
 * unversioned v1 {@code fermyon:spin/redis}) is not plugged and reaches the host as the depending
 * component's own import.
 */
public final class DenyAllAdapter {

    public static final Set<String> EXPORTS =
            Set.of(
                    "wasi:cli/environment@0.2.0",
                    "wasi:filesystem/preopens@0.2.0",
                    "wasi:http/outgoing-handler@0.2.0",
                    "wasi:sockets/ip-name-lookup@0.2.0",
                    "wasi:sockets/tcp-create-socket@0.2.0",
                    "wasi:sockets/tcp@0.2.0",
                    "wasi:sockets/udp-create-socket@0.2.0",
                    "wasi:sockets/udp@0.2.0",
                    "fermyon:spin/llm@2.0.0",
                    "fermyon:spin/redis@2.0.0",
                    "fermyon:spin/mqtt@2.0.0",
                    "fermyon:spin/rdbms-types@2.0.0",
                    "fermyon:spin/postgres@2.0.0",
                    "fermyon:spin/mysql@2.0.0",
                    "fermyon:spin/sqlite@2.0.0",
                    "fermyon:spin/key-value@2.0.0",
                    "fermyon:spin/variables@2.0.0");

    private DenyAllAdapter() {}

    /** The imports among {@code imports} that the adapter would take over. */
    public static List<String> plugged(Iterable<String> imports) {
        List<String> plugged = new java.util.ArrayList<>();
        imports.forEach(
                name -> {
                    if (EXPORTS.contains(name)) {
                        plugged.add(name);
                    }
                });
        return plugged;
    }
}
