package dev.spinmixed.apps;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.ValidationException;
import dev.spinmixed.wit.WitException;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every built core module ({@code <build>/core/<name>.wasm}) against its world with the
 * orchestrator linker, the same check the JVM host makes before running it. Reports every failing
 * guest, not just the first.
 */
public final class CoreModuleCheck {

    private CoreModuleCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CoreModuleCheck <apps-dir> <build-dir>");
            System.exit(2);
        }
        Path apps = Path.of(args[0]);
        Path coreDir = Path.of(args[1]).resolve("core");
        List<String> failures =
                check(apps, coreDir, GuestTable.read(apps.resolve("build/guests.tsv")));
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            System.exit(1);
        }
    }

    /** One message per guest whose core module does not implement its world. */
    public static List<String> check(Path apps, Path coreDir, List<Guest> guests)
            throws IOException {
        WitResolve wit = WitLoader.loadDirectory(apps.resolve("wit"));
        List<String> failures = new ArrayList<>();
        for (Guest guest : guests) {
            Path module = coreDir.resolve(guest.coreFile());
            try {
                Component.load(guest.name(), module, wit.world(guest.world()));
            } catch (ValidationException | WitException e) {
                failures.add(guest.name() + " (" + module + "): " + e.getMessage());
            }
        }
        return failures;
    }
}
