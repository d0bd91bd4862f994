package dev.spinmixed.bindgen;

import dev.spinmixed.abi.Cases;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.Flattening;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.abi.PointerTypes;
import dev.spinmixed.wit.WitType;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI facts the guest generators emit code from, all computed by the abi module the
 * JVM host lifts and lowers with: sizes, alignments, offsets, flat types and the joined payload
 * slots of variants. Generated glue and the Java layer therefore follow one set of layouts.
 */
final class Abi {

    private Abi() {}

    static int size(WitType t) {
        return Layout.size(t);
    }

    static int align(WitType t) {
        return Layout.alignment(t);
    }

    static List<FlatType> flat(WitType t) {
        return Flattening.flatten(t);
    }

    /** How many core values a function's parameters flatten to (before spilling to memory). */
    static int flatCount(dev.spinmixed.wit.Function f) {
        return Flattening.flattenAll(
                        f.params().stream().map(dev.spinmixed.wit.Function.Param::type).toList())
                .size();
    }

    static boolean hasPointers(WitType t) {
        return PointerTypes.containsPointer(t);
    }

    static int[] offsets(List<WitType> fields) {
        return Layout.fieldOffsets(fields);
    }

    /** A variant-like type's layout: cases, discriminant, where the payload goes, joined slots. */
    record VariantLayout(
            Cases cases,
            int discriminantSize,
            int payloadOffset,
            List<FlatType> joined,
            int size,
            int align) {

        static VariantLayout of(WitType type, Cases cases) {
            return new VariantLayout(
                    cases,
                    Layout.discriminantSize(cases.size()),
                    Layout.payloadOffset(cases.payloads()),
                    Flattening.joinedPayload(cases.payloads()),
                    Layout.size(type),
                    Layout.alignment(type));
        }

        Optional<WitType> payload(int i) {
            return cases.payloads().get(i);
        }
    }
}
