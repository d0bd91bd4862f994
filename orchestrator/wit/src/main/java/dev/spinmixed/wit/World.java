package dev.spinmixed.wit;

import java.util.List;

/**
 * A WIT world after {@code include} is resolved: what a component imports and exports. {@code uses}
 * names the interfaces whose types the world itself takes with {@code use} (qualified).
 */
public record World(
        PackageName pkg,
        String name,
        List<WorldItem> imports,
        List<WorldItem> exports,
        List<String> uses) {

    public World {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        uses = List.copyOf(uses);
    }

    /** One import or export of a world: a whole interface or a bare function. */
    public sealed interface WorldItem {
        record InterfaceItem(Interface iface) implements WorldItem {}

        record FunctionItem(Function function) implements WorldItem {}
    }
}
