package dev.spinmixed.tests.abi;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Case;
import dev.spinmixed.wit.WitType.Field;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Short constructors for hand-built WIT types in tests. */
final class Types {

    private Types() {}

    static WitType.ListType list(WitType element) {
        return new WitType.ListType(element);
    }

    static WitType.OptionType option(WitType some) {
        return new WitType.OptionType(some);
    }

    static WitType.ResultType result(WitType ok, WitType err) {
        return new WitType.ResultType(Optional.ofNullable(ok), Optional.ofNullable(err));
    }

    static WitType.TupleType tuple(WitType... types) {
        return new WitType.TupleType(List.of(types));
    }

    /** {@code record("r", "a", U8, "b", U32)}: alternating field names and types. */
    static WitType.RecordType record(String name, Object... fieldsAndTypes) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.add(new Field((String) fieldsAndTypes[i], (WitType) fieldsAndTypes[i + 1]));
        }
        return new WitType.RecordType(name, fields);
    }

    /**
     * {@code variant("v", "a", F32, "b", null)}: alternating case names and payload types (null:
     * none).
     */
    static WitType.VariantType variant(String name, Object... casesAndTypes) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < casesAndTypes.length; i += 2) {
            cases.add(
                    new Case(
                            (String) casesAndTypes[i],
                            Optional.ofNullable((WitType) casesAndTypes[i + 1])));
        }
        return new WitType.VariantType(name, cases);
    }

    static WitType.EnumType enumOf(int cases) {
        return new WitType.EnumType(
                "e" + cases, IntStream.range(0, cases).mapToObj(i -> "c" + i).toList());
    }

    static WitType.FlagsType flagsOf(int flags) {
        return new WitType.FlagsType(
                "f" + flags, IntStream.range(0, flags).mapToObj(i -> "f" + i).toList());
    }

    /** A function with parameters p0, p1, ... of the given types. */
    static Function function(String name, WitType result, WitType... params) {
        List<Function.Param> ps =
                IntStream.range(0, params.length)
                        .mapToObj(i -> new Function.Param("p" + i, params[i]))
                        .toList();
        return new Function(name, ps, Optional.ofNullable(result));
    }

    static final Primitive U8 = Primitive.U8;
    static final Primitive U16 = Primitive.U16;
    static final Primitive U32 = Primitive.U32;
    static final Primitive U64 = Primitive.U64;
    static final Primitive F32 = Primitive.F32;
    static final Primitive F64 = Primitive.F64;
    static final Primitive STRING = Primitive.STRING;
}
