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
import java.util.stream.Collectors;

/**
 * WIT spelling of a type for error messages, e.g. {@code option<list<u8>>} or {@code record
 * response}.
 */
public final class WitTypeNames {

    private WitTypeNames() {}

    public static String describe(WitType type) {
        if (type instanceof Primitive p) {
            return p.witName();
        }
        if (type instanceof ListType l) {
            return "list<" + describe(l.element()) + ">";
        }
        if (type instanceof OptionType o) {
            return "option<" + describe(o.some()) + ">";
        }
        if (type instanceof ResultType r) {
            return "result<"
                    + r.ok().map(WitTypeNames::describe).orElse("_")
                    + ", "
                    + r.err().map(WitTypeNames::describe).orElse("_")
                    + ">";
        }
        if (type instanceof TupleType t) {
            return t.types().stream()
                    .map(WitTypeNames::describe)
                    .collect(Collectors.joining(", ", "tuple<", ">"));
        }
        if (type instanceof RecordType r) {
            return "record " + r.name();
        }
        if (type instanceof VariantType v) {
            return "variant " + v.name();
        }
        if (type instanceof EnumType e) {
            return "enum " + e.name();
        }
        return "flags " + ((FlagsType) type).name();
    }
}
