package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.TupleType;
import dev.spinmixed.wit.WitType.VariantType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Walks WIT types as trees: the types directly inside a type, and every type reachable. */
public final class TypeTree {

    private TypeTree() {}

    /** The types directly inside {@code type}, in declaration order. */
    public static List<WitType> children(WitType type) {
        return type.accept(CHILDREN);
    }

    /**
     * Every type reachable from {@code roots}, roots included, each once (by identity), children
     * before the types that contain them.
     */
    public static List<WitType> reachable(Collection<? extends WitType> roots) {
        Set<WitType> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<WitType> ordered = new ArrayList<>();
        for (WitType root : roots) {
            visit(root, seen, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void visit(WitType type, Set<WitType> seen, List<WitType> ordered) {
        if (!seen.add(type)) {
            return;
        }
        for (WitType child : children(type)) {
            visit(child, seen, ordered);
        }
        ordered.add(type);
    }

    private static List<WitType> payloadTypes(Cases cases) {
        return cases.payloads().stream().flatMap(Optional::stream).toList();
    }

    private static final WitType.Visitor<List<WitType>> CHILDREN =
            new WitType.Visitor<>() {
                @Override
                public List<WitType> primitive(Primitive type) {
                    return List.of();
                }

                @Override
                public List<WitType> list(ListType type) {
                    return List.of(type.element());
                }

                @Override
                public List<WitType> option(OptionType type) {
                    return List.of(type.some());
                }

                @Override
                public List<WitType> result(ResultType type) {
                    return payloadTypes(Cases.of(type));
                }

                @Override
                public List<WitType> tuple(TupleType type) {
                    return type.types();
                }

                @Override
                public List<WitType> record(RecordType type) {
                    return Layout.fieldTypes(type);
                }

                @Override
                public List<WitType> variant(VariantType type) {
                    return payloadTypes(Cases.of(type));
                }

                @Override
                public List<WitType> enumType(EnumType type) {
                    return List.of();
                }

                @Override
                public List<WitType> flags(FlagsType type) {
                    return List.of();
                }
            };
}
