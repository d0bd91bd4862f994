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

/** Whether a type contains a string or list, i.e. points into memory the receiver must allocate. */
public final class PointerTypes {

    private PointerTypes() {}

    public static boolean containsPointer(WitType type) {
        return type.accept(CONTAINS_POINTER);
    }

    private static boolean anyChild(WitType type) {
        return TypeTree.children(type).stream().anyMatch(PointerTypes::containsPointer);
    }

    private static final WitType.Visitor<Boolean> CONTAINS_POINTER =
            new WitType.Visitor<>() {
                @Override
                public Boolean primitive(Primitive type) {
                    return type == Primitive.STRING;
                }

                @Override
                public Boolean list(ListType type) {
                    return true;
                }

                @Override
                public Boolean option(OptionType type) {
                    return anyChild(type);
                }

                @Override
                public Boolean result(ResultType type) {
                    return anyChild(type);
                }

                @Override
                public Boolean tuple(TupleType type) {
                    return anyChild(type);
                }

                @Override
                public Boolean record(RecordType type) {
                    return anyChild(type);
                }

                @Override
                public Boolean variant(VariantType type) {
                    return anyChild(type);
                }

                @Override
                public Boolean enumType(EnumType type) {
                    return false;
                }

                @Override
                public Boolean flags(FlagsType type) {
                    return false;
                }
            };
}
