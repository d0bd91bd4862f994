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
 * Size and alignment of WIT values in linear memory (CanonicalABI.md, "Alignment" and "Element
 * Size"). Options, results and enums are laid out as the variants they despecialize to; tuples as
 * records.
 */
public final class Layout {

    private Layout() {}

    public static int alignment(WitType type) {
        return type.accept(ALIGNMENT);
    }

    public static int size(WitType type) {
        return type.accept(SIZE);
    }

    private static final WitType.Visitor<Integer> ALIGNMENT =
            new WitType.Visitor<>() {
                @Override
                public Integer primitive(Primitive type) {
                    return type == Primitive.STRING ? 4 : primitiveSize(type);
                }

                @Override
                public Integer list(ListType type) {
                    return 4;
                }

                @Override
                public Integer option(OptionType type) {
                    return variantAlignment(Cases.of(type).payloads());
                }

                @Override
                public Integer result(ResultType type) {
                    return variantAlignment(Cases.of(type).payloads());
                }

                @Override
                public Integer tuple(TupleType type) {
                    return maxAlignment(type.types());
                }

                @Override
                public Integer record(RecordType type) {
                    return maxAlignment(fieldTypes(type));
                }

                @Override
                public Integer variant(VariantType type) {
                    return variantAlignment(Cases.of(type).payloads());
                }

                @Override
                public Integer enumType(EnumType type) {
                    return variantAlignment(Cases.of(type).payloads());
                }

                @Override
                public Integer flags(FlagsType type) {
                    return Math.max(1, Math.min(flagsSize(type.flags().size()), 4));
                }
            };

    private static final WitType.Visitor<Integer> SIZE =
            new WitType.Visitor<>() {
                @Override
                public Integer primitive(Primitive type) {
                    return primitiveSize(type);
                }

                @Override
                public Integer list(ListType type) {
                    return 8;
                }

                @Override
                public Integer option(OptionType type) {
                    return variantSize(Cases.of(type).payloads());
                }

                @Override
                public Integer result(ResultType type) {
                    return variantSize(Cases.of(type).payloads());
                }

                @Override
                public Integer tuple(TupleType type) {
                    return recordSize(type.types());
                }

                @Override
                public Integer record(RecordType type) {
                    return recordSize(fieldTypes(type));
                }

                @Override
                public Integer variant(VariantType type) {
                    return variantSize(Cases.of(type).payloads());
                }

                @Override
                public Integer enumType(EnumType type) {
                    return variantSize(Cases.of(type).payloads());
                }

                @Override
                public Integer flags(FlagsType type) {
                    return flagsSize(type.flags().size());
                }
            };

    /** Byte offsets of consecutive fields laid out as a record. */
    public static int[] fieldOffsets(List<WitType> fields) {
        int[] offsets = new int[fields.size()];
        int offset = 0;
        for (int i = 0; i < fields.size(); i++) {
            offset = alignTo(offset, alignment(fields.get(i)));
            offsets[i] = offset;
            offset += size(fields.get(i));
        }
        return offsets;
    }

    /** Size in bytes of the discriminant of a variant with {@code caseCount} cases: 1, 2 or 4. */
    public static int discriminantSize(int caseCount) {
        if (caseCount <= 0) {
            throw new AbiException("a variant needs at least one case");
        }
        if (caseCount <= 1 << 8) {
            return 1;
        }
        return caseCount <= 1 << 16 ? 2 : 4;
    }

    /** Offset of a variant's payload: after the discriminant, aligned for the widest case. */
    public static int payloadOffset(List<Optional<WitType>> payloads) {
        return alignTo(discriminantSize(payloads.size()), maxCaseAlignment(payloads));
    }

    public static int flagsSize(int flagCount) {
        if (flagCount == 0) {
            return 0;
        }
        if (flagCount <= 8) {
            return 1;
        }
        if (flagCount <= 16) {
            return 2;
        }
        return 4 * ((flagCount + 31) / 32);
    }

    public static int alignTo(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    static List<WitType> fieldTypes(RecordType record) {
        List<WitType> types = new ArrayList<>(record.fields().size());
        record.fields().forEach(f -> types.add(f.type()));
        return types;
    }

    private static int primitiveSize(Primitive p) {
        return switch (p) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR -> 4;
            case S64, U64, F64, STRING -> 8;
        };
    }

    private static int maxAlignment(List<WitType> types) {
        int alignment = 1;
        for (WitType t : types) {
            alignment = Math.max(alignment, alignment(t));
        }
        return alignment;
    }

    private static int recordSize(List<WitType> fields) {
        int size = 0;
        for (WitType field : fields) {
            size = alignTo(size, alignment(field)) + size(field);
        }
        return alignTo(size, maxAlignment(fields));
    }

    private static int maxCaseAlignment(List<Optional<WitType>> payloads) {
        int alignment = 1;
        for (Optional<WitType> p : payloads) {
            if (p.isPresent()) {
                alignment = Math.max(alignment, alignment(p.get()));
            }
        }
        return alignment;
    }

    private static int variantAlignment(List<Optional<WitType>> payloads) {
        return Math.max(discriminantSize(payloads.size()), maxCaseAlignment(payloads));
    }

    private static int variantSize(List<Optional<WitType>> payloads) {
        int payloadSize = 0;
        for (Optional<WitType> p : payloads) {
            if (p.isPresent()) {
                payloadSize = Math.max(payloadSize, size(p.get()));
            }
        }
        return alignTo(payloadOffset(payloads) + payloadSize, variantAlignment(payloads));
    }
}
