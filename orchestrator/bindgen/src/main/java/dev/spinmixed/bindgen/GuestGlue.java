package dev.spinmixed.bindgen;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guest glue for every world of the main package, in every guest language, and per world the list
 * of core functions its module must export (the guest build links with exactly these).
 */
final class GuestGlue {

    private GuestGlue() {}

    static Map<String, String> generate(Contract contract) {
        String source = contract.resolve().mainPackage().name().toString();
        Map<String, String> files = new LinkedHashMap<>(RustGenerator.files(contract, source));
        files.put("js/layouts.mjs", JsLayoutGenerator.generate(contract, source));
        for (World world : contract.worlds()) {
            files.putAll(CGenerator.generate(contract, world, source));
            files.putAll(AssemblyScriptGenerator.generate(contract, world, source));
            files.put(
                    "exports/" + world.name() + ".txt",
                    String.join("\n", exportNames(world)) + "\n");
        }
        return files;
    }

    /**
     * The core functions a module of {@code world} exports, whatever its language: every function
     * and its post-return (the guest frees the call's memory there), and {@code cabi_realloc}.
     */
    static List<String> exportNames(World world) {
        List<String> names = new ArrayList<>();
        names.add("cabi_realloc");
        for (World.WorldItem item : world.exports()) {
            Optional<Interface> iface = Contract.iface(item);
            for (Function f : Contract.functions(item)) {
                String exportName =
                        iface.map(i -> i.qualifiedName() + "#" + f.name()).orElse(f.name());
                names.add(exportName);
                names.add("cabi_post_" + exportName);
            }
        }
        return names;
    }
}
