package dev.spinmixed.bindgen;

import dev.spinmixed.wit.WitException;
import dev.spinmixed.wit.WitLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Generates bindings from a WIT directory (its package and {@code deps/}):
 *
 * <pre>
 * bindgen java   &lt;wit-dir&gt; &lt;out-dir&gt; &lt;java-package&gt;   typed Java for every interface
 * bindgen guests &lt;wit-dir&gt; &lt;out-dir&gt;                  guest glue for every world of the package:
 *     c/&lt;world&gt;/bindings.h, bindings.c      (one C guest implements one world)
 *     rust/bindings.rs                      (one crate for every world: types, imports, export macros)
 *     assemblyscript/&lt;world&gt;/bindings.ts, exports.ts, renames.txt
 *     exports/&lt;world&gt;.txt                  the core functions a module of the world exports
 *     js/layouts.mjs                        every function's layouts, for a host in JavaScript
 * </pre>
 *
 * Bad WIT or WIT the generators cannot handle stops with one line naming the file and the problem.
 */
public final class Bindgen {

    private Bindgen() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            throw new BindgenException(
                    "usage: bindgen java <wit-dir> <out-dir> <java-package>"
                            + " | bindgen guests <wit-dir> <out-dir>");
        }
        Path witDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Contract contract;
        try {
            contract = new Contract(WitLoader.loadDirectory(witDir));
        } catch (WitException e) {
            throw new BindgenException(e.getMessage());
        }
        switch (args[0]) {
            case "java" -> {
                if (args.length != 4) {
                    throw new BindgenException(
                            "usage: bindgen java <wit-dir> <out-dir> <java-package>");
                }
                write(out, JavaGenerator.generate(contract, args[3]));
            }
            case "guests" -> write(out, GuestGlue.generate(contract));
            default ->
                    throw new BindgenException(
                            "bindgen: unknown target '" + args[0] + "' (java, guests)");
        }
    }

    /** Writes the files, replacing what a previous run left in {@code out}. */
    static void write(Path out, Map<String, String> files) {
        try {
            if (Files.isDirectory(out)) {
                try (var old = Files.walk(out)) {
                    old.sorted(java.util.Comparator.reverseOrder())
                            .filter(p -> !p.equals(out))
                            .forEach(Bindgen::delete);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = out.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bindings to " + out, e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }
}
