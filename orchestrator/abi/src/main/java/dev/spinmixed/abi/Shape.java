package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.TupleType;
import dev.spinmixed.wit.WitType.VariantType;
import java.util.List;
import java.util.Optional;

/**
 * The layout facts of one type, computed once so that lifting and lowering a list of a thousand
 * records does not recompute offsets a thousand times. Fields that do not apply to the kind of type
 * are empty.
 */
final class Shape {

    final int size;
    final int alignment;

    /** Records and tuples: field types, names (records only) and byte offsets. */
    final List<WitType> fieldTypes;

    final List<String> fieldNames;

    /** How each field shows in an error path: {@code .name} for records, {@code .0} for tuples. */
    final List<String> fieldSegments;

    final int[] offsets;

    /** Variants, enums, options, results: the case payloads, names, and where things go. */
    final List<Optional<WitType>> payloads;

    final List<String> caseNames;
    final int discriminantSize;
    final int payloadOffset;
    final List<FlatType> joinedPayload;
    final int[] payloadFlatCounts;

    Shape(WitType type) {
        this.size = Layout.size(type);
        this.alignment = Layout.alignment(type);
        if (type instanceof RecordType r) {
            fieldTypes = Layout.fieldTypes(r);
            fieldNames = r.fields().stream().map(WitType.Field::name).toList();
        } else if (type instanceof TupleType t) {
            fieldTypes = t.types();
            fieldNames = List.of();
        } else {
            fieldTypes = List.of();
            fieldNames = List.of();
        }
        this.fieldSegments =
                fieldNames.isEmpty()
                        ? java.util.stream.IntStream.range(0, fieldTypes.size())
                                .mapToObj(i -> "." + i)
                                .toList()
                        : fieldNames.stream().map(n -> "." + n).toList();
        this.offsets = Layout.fieldOffsets(fieldTypes);
        boolean variantLike =
                type instanceof VariantType
                        || type instanceof EnumType
                        || type instanceof OptionType
                        || type instanceof ResultType;
        this.payloads = variantLike ? Layout.payloads(type) : List.of();
        this.caseNames = caseNames(type);
        this.discriminantSize = variantLike ? Layout.discriminantSize(payloads.size()) : 0;
        this.payloadOffset = variantLike ? Layout.payloadOffset(payloads) : 0;
        this.joinedPayload = variantLike ? Flattening.joinedPayload(payloads) : List.of();
        this.payloadFlatCounts =
                payloads.stream()
                        .mapToInt(p -> p.map(t -> Flattening.flatten(t).size()).orElse(0))
                        .toArray();
    }

    private static List<String> caseNames(WitType type) {
        if (type instanceof VariantType v) {
            return v.cases().stream().map(WitType.Case::name).toList();
        }
        if (type instanceof EnumType e) {
            return e.cases();
        }
        if (type instanceof OptionType) {
            return List.of("none", "some");
        }
        if (type instanceof ResultType) {
            return List.of("ok", "err");
        }
        return List.of();
    }

    /** The types directly inside this one, for walking a type tree. */
    static List<WitType> children(WitType type) {
        if (type instanceof ListType l) {
            return List.of(l.element());
        }
        if (type instanceof RecordType r) {
            return Layout.fieldTypes(r);
        }
        if (type instanceof TupleType t) {
            return t.types();
        }
        if (type instanceof WitType.Primitive
                || type instanceof FlagsType
                || type instanceof EnumType) {
            return List.of();
        }
        return Layout.payloads(type).stream().flatMap(Optional::stream).toList();
    }
}
