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
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

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
        Parts parts = type.accept(PARTS);
        this.fieldTypes = parts.fieldTypes();
        this.fieldNames = parts.fieldNames();
        this.fieldSegments =
                fieldNames.isEmpty()
                        ? IntStream.range(0, fieldTypes.size()).mapToObj(i -> "." + i).toList()
                        : fieldNames.stream().map(n -> "." + n).toList();
        this.offsets = Layout.fieldOffsets(fieldTypes);
        Optional<Cases> cases = parts.cases();
        this.payloads = cases.map(Cases::payloads).orElse(List.of());
        this.caseNames = cases.map(Cases::names).orElse(List.of());
        this.discriminantSize = cases.isPresent() ? Layout.discriminantSize(payloads.size()) : 0;
        this.payloadOffset = cases.isPresent() ? Layout.payloadOffset(payloads) : 0;
        this.joinedPayload = cases.isPresent() ? Flattening.joinedPayload(payloads) : List.of();
        this.payloadFlatCounts =
                payloads.stream()
                        .mapToInt(p -> p.map(t -> Flattening.flatten(t).size()).orElse(0))
                        .toArray();
    }

    /** What a type is made of: fields (records, tuples) or cases (variant-like types). */
    private record Parts(List<WitType> fieldTypes, List<String> fieldNames, Optional<Cases> cases) {

        static final Parts NONE = new Parts(List.of(), List.of(), Optional.empty());

        static Parts cases(Cases cases) {
            return new Parts(List.of(), List.of(), Optional.of(cases));
        }
    }

    private static final WitType.Visitor<Parts> PARTS =
            new WitType.Visitor<>() {
                @Override
                public Parts primitive(Primitive type) {
                    return Parts.NONE;
                }

                @Override
                public Parts list(ListType type) {
                    return Parts.NONE;
                }

                @Override
                public Parts option(OptionType type) {
                    return Parts.cases(Cases.of(type));
                }

                @Override
                public Parts result(ResultType type) {
                    return Parts.cases(Cases.of(type));
                }

                @Override
                public Parts tuple(TupleType type) {
                    return new Parts(type.types(), List.of(), Optional.empty());
                }

                @Override
                public Parts record(RecordType type) {
                    return new Parts(
                            Layout.fieldTypes(type),
                            type.fields().stream().map(WitType.Field::name).toList(),
                            Optional.empty());
                }

                @Override
                public Parts variant(VariantType type) {
                    return Parts.cases(Cases.of(type));
                }

                @Override
                public Parts enumType(EnumType type) {
                    return Parts.cases(Cases.of(type));
                }

                @Override
                public Parts flags(FlagsType type) {
                    return Parts.NONE;
                }
            };
}
