package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.TupleType;
import java.util.Optional;

/** Whether a type contains a string or list, i.e. points into memory the receiver must allocate. */
public final class PointerTypes {

    private PointerTypes() {}

    public static boolean containsPointer(WitType type) {
        if (type instanceof Primitive p) {
            return p == Primitive.STRING;
        }
        if (type instanceof ListType) {
            return true;
        }
        if (type instanceof RecordType r) {
            return r.fields().stream().anyMatch(f -> containsPointer(f.type()));
        }
        if (type instanceof TupleType t) {
            return t.types().stream().anyMatch(PointerTypes::containsPointer);
        }
        if (type instanceof WitType.FlagsType || type instanceof WitType.EnumType) {
            return false;
        }
        return Layout.payloads(type).stream()
                .flatMap(Optional::stream)
                .anyMatch(PointerTypes::containsPointer);
    }
}
