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
        return type.accept(FLAT);
    }

    public static List<FlatType> flattenAll(List<WitType> types) {
        List<FlatType> out = new ArrayList<>();
        types.forEach(t -> out.addAll(flatten(t)));
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

    private static List<FlatType> variant(Cases cases) {
        List<FlatType> out = new ArrayList<>();
        out.add(FlatType.I32);
        out.addAll(joinedPayload(cases.payloads()));
        return out;
    }

    private static final WitType.Visitor<List<FlatType>> FLAT =
            new WitType.Visitor<>() {
                @Override
                public List<FlatType> primitive(Primitive type) {
                    return switch (type) {
                        case S64, U64 -> List.of(FlatType.I64);
                        case F32 -> List.of(FlatType.F32);
                        case F64 -> List.of(FlatType.F64);
                        case STRING -> List.of(FlatType.I32, FlatType.I32);
                        case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> List.of(FlatType.I32);
                    };
                }

                @Override
                public List<FlatType> list(ListType type) {
                    return List.of(FlatType.I32, FlatType.I32);
                }

                @Override
                public List<FlatType> option(OptionType type) {
                    return Flattening.variant(Cases.of(type));
                }

                @Override
                public List<FlatType> result(ResultType type) {
                    return Flattening.variant(Cases.of(type));
                }

                @Override
                public List<FlatType> tuple(TupleType type) {
                    return flattenAll(type.types());
                }

                @Override
                public List<FlatType> record(RecordType type) {
                    return flattenAll(Layout.fieldTypes(type));
                }

                @Override
                public List<FlatType> variant(VariantType type) {
                    return Flattening.variant(Cases.of(type));
                }

                @Override
                public List<FlatType> enumType(EnumType type) {
                    return Flattening.variant(Cases.of(type));
                }

                @Override
                public List<FlatType> flags(FlagsType type) {
                    return java.util.Collections.nCopies(
                            (type.flags().size() + 31) / 32, FlatType.I32);
                }
            };
}
