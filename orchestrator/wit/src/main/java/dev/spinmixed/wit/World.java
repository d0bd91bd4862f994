package dev.spinmixed.wit;

import java.util.List;

/** A WIT world after {@code include} is resolved: what a component imports and exports. */
public record World(
        PackageName pkg, String name, List<WorldItem> imports, List<WorldItem> exports) {

    public World {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /** One import or export of a world: a whole interface or a bare function. */
    public sealed interface WorldItem {
        record InterfaceItem(Interface iface) implements WorldItem {}

        record FunctionItem(Function function) implements WorldItem {}
    }
}
