package dev.spinmixed.bindgen;

import dev.spinmixed.abi.Cases;
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

/**
 * A {@link WitType.Visitor} grouped the way the canonical ABI treats types: records and tuples are
 * fields at offsets, variants, enums, options and results are cases with a discriminant. Glue
 * generators implement these five methods; a new kind of WIT type fails to compile here.
 */
abstract class GlueVisitor<R> implements WitType.Visitor<R> {

    abstract R scalar(Primitive type);

    abstract R list(ListType type, WitType element);

    /** A record ({@code names} are its field names) or a tuple ({@code names} is null). */
    abstract R fields(WitType type, List<WitType> types, List<String> names);

    abstract R cases(WitType type, Abi.VariantLayout layout);

    abstract R flagSet(FlagsType type);

    @Override
    public final R primitive(Primitive type) {
        return scalar(type);
    }

    @Override
    public final R list(ListType type) {
        return list(type, type.element());
    }

    @Override
    public final R option(OptionType type) {
        return cases(type, Abi.VariantLayout.of(type, Cases.of(type)));
    }

    @Override
    public final R result(ResultType type) {
        return cases(type, Abi.VariantLayout.of(type, Cases.of(type)));
    }

    @Override
    public final R tuple(TupleType type) {
        return fields(type, type.types(), null);
    }

    @Override
    public final R record(RecordType type) {
        return fields(
                type,
                type.fields().stream().map(WitType.Field::type).toList(),
                type.fields().stream().map(WitType.Field::name).toList());
    }

    @Override
    public final R variant(VariantType type) {
        return cases(type, Abi.VariantLayout.of(type, Cases.of(type)));
    }

    @Override
    public final R enumType(EnumType type) {
        return cases(type, Abi.VariantLayout.of(type, Cases.of(type)));
    }

    @Override
    public final R flags(FlagsType type) {
        return flagSet(type);
    }

    /**
     * Whether a value of the type is passed by value (a number, a char, a bool, an enum, flags: no
     * memory behind it) rather than by reference, in the C and Rust glue alike.
     */
    static boolean byValue(WitType t) {
        return t.accept(
                new GlueVisitor<Boolean>() {
                    @Override
                    Boolean scalar(Primitive type) {
                        return type != Primitive.STRING;
                    }

                    @Override
                    Boolean list(ListType type, WitType element) {
                        return false;
                    }

                    @Override
                    Boolean fields(WitType type, List<WitType> types, List<String> names) {
                        return false;
                    }

                    @Override
                    Boolean cases(WitType type, Abi.VariantLayout layout) {
                        return type instanceof EnumType;
                    }

                    @Override
                    Boolean flagSet(FlagsType type) {
                        return true;
                    }
                });
    }
}
