package dev.spinmixed.bindgen;

import dev.spinmixed.abi.TypeTree;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitPackage;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded WIT resolve as the generators see it: its interfaces and the main package's worlds in a
 * stable order, and the interface that defines each named type (a record, variant, enum or flags is
 * emitted once, where it is defined, and referred to from everywhere it is used).
 */
final class Contract {

    private final WitResolve resolve;
    private final List<Interface> interfaces;
    private final Map<WitType, Interface> homes = new IdentityHashMap<>();

    Contract(WitResolve resolve) {
        this.resolve = resolve;
        List<Interface> all = new ArrayList<>();
        for (WitPackage pkg : resolve.packages().values()) {
            all.addAll(pkg.interfaces().values());
        }
        all.sort(Comparator.comparing(Interface::qualifiedName));
        this.interfaces = List.copyOf(all);
        for (Interface iface : interfaces) {
            for (String name : iface.definedTypes()) {
                WitType type = iface.types().get(name);
                if (NamedTypes.name(type).map(name::equals).orElse(false)) {
                    homes.putIfAbsent(type, iface);
                }
            }
        }
    }

    WitResolve resolve() {
        return resolve;
    }

    /** Every interface of every loaded package, by qualified name. */
    List<Interface> interfaces() {
        return interfaces;
    }

    /** The worlds of the main package, by name. */
    List<World> worlds() {
        return resolve.mainPackage().worlds().values().stream()
                .sorted(Comparator.comparing(World::name))
                .toList();
    }

    /** The interface that defines a named type. */
    Interface home(WitType named) {
        Interface home = homes.get(named);
        if (home == null) {
            throw new BindgenException(
                    NamedTypes.name(named).orElse("a type")
                            + " is not defined in an interface: the generators emit named types"
                            + " of interfaces only (define it in an interface and `use` it)");
        }
        return home;
    }

    /** The named types an interface defines, in source order. */
    List<WitType> definedTypes(Interface iface) {
        List<WitType> out = new ArrayList<>();
        for (String name : iface.definedTypes()) {
            WitType type = iface.types().get(name);
            if (homes.get(type) == iface) {
                out.add(type);
            }
        }
        return out;
    }

    /** Every type in the signatures of {@code functions}, children before their parents. */
    static List<WitType> reachable(List<Function> functions) {
        List<WitType> roots = new ArrayList<>();
        for (Function f : functions) {
            f.params().forEach(p -> roots.add(p.type()));
            f.result().ifPresent(roots::add);
        }
        return TypeTree.reachable(roots);
    }

    /** The functions a world item brings: an interface's, or the one world-level function. */
    static List<Function> functions(World.WorldItem item) {
        if (item instanceof World.WorldItem.InterfaceItem i) {
            return i.iface().functions();
        }
        return List.of(((World.WorldItem.FunctionItem) item).function());
    }

    /** The interface of a world item, empty for a world-level function. */
    static Optional<Interface> iface(World.WorldItem item) {
        return item instanceof World.WorldItem.InterfaceItem i
                ? Optional.of(i.iface())
                : Optional.empty();
    }
}
