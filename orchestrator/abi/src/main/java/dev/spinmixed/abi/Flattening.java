package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.TupleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core value types a WIT value flattens to (CanonicalABI.md, "Flattening"): scalars to one
 * value, strings and lists to (ptr, len), records and tuples to their fields in order, flags to one
 * i32 per 32 flags, variants to an i32 discriminant followed by the slot-wise join of their cases'
 * payloads.
 */
public final class Flattening {

    private Flattening() {}

    public static List<FlatType> flatten(WitType type) {
        List<FlatType> out = new ArrayList<>();
        flattenInto(type, out);
        return out;
    }

    public static List<FlatType> flattenAll(List<WitType> types) {
        List<FlatType> out = new ArrayList<>();
        types.forEach(t -> flattenInto(t, out));
        return out;
    }

    /** The joined payload slots of a variant-like type, without the discriminant. */
    public static List<FlatType> joinedPayload(List<Optional<WitType>> payloads) {
        List<FlatType> joined = new ArrayList<>();
        for (Optional<WitType> payload : payloads) {
            if (payload.isEmpty()) {
                continue;
            }
            List<FlatType> flat = flatten(payload.get());
            for (int i = 0; i < flat.size(); i++) {
                if (i < joined.size()) {
                    joined.set(i, FlatType.join(joined.get(i), flat.get(i)));
                } else {
                    joined.add(flat.get(i));
                }
            }
        }
        return joined;
    }

    private static void flattenInto(WitType type, List<FlatType> out) {
        if (type instanceof Primitive p) {
            switch (p) {
                case S64, U64 -> out.add(FlatType.I64);
                case F32 -> out.add(FlatType.F32);
                case F64 -> out.add(FlatType.F64);
                case STRING -> {
                    out.add(FlatType.I32);
                    out.add(FlatType.I32);
                }
                default -> out.add(FlatType.I32);
            }
        } else if (type instanceof ListType) {
            out.add(FlatType.I32);
            out.add(FlatType.I32);
        } else if (type instanceof RecordType r) {
            r.fields().forEach(f -> flattenInto(f.type(), out));
        } else if (type instanceof TupleType t) {
            t.types().forEach(e -> flattenInto(e, out));
        } else if (type instanceof FlagsType f) {
            for (int i = 0; i < (f.flags().size() + 31) / 32; i++) {
                out.add(FlatType.I32);
            }
        } else {
            out.add(FlatType.I32);
            out.addAll(joinedPayload(Layout.payloads(type)));
        }
    }
}
