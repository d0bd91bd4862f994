package dev.spinmixed.wit;

import java.util.List;
import java.util.Optional;

/**
 * A WIT value type, fully resolved: aliases and {@code use} are followed by the parser, so a type
 * never refers to another by name. Named types (records, variants, enums, flags) keep their name
 * for error messages and generated glue.
 */
public sealed interface WitType {

    enum Primitive implements WitType {
        BOOL,
        S8,
        U8,
        S16,
        U16,
        S32,
        U32,
        S64,
        U64,
        F32,
        F64,
        CHAR,
        STRING;

        /** The spelling in WIT source, e.g. {@code u32}. */
        public String witName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record ListType(WitType element) implements WitType {}

    record OptionType(WitType some) implements WitType {}

    /**
     * {@code result<ok, err>}; either side may be absent ({@code result}, {@code result<_, e>}).
     */
    record ResultType(Optional<WitType> ok, Optional<WitType> err) implements WitType {}

    record TupleType(List<WitType> types) implements WitType {
        public TupleType {
            types = List.copyOf(types);
        }
    }

    record Field(String name, WitType type) {}

    record RecordType(String name, List<Field> fields) implements WitType {
        public RecordType {
            fields = List.copyOf(fields);
        }
    }

    record Case(String name, Optional<WitType> type) {}

    record VariantType(String name, List<Case> cases) implements WitType {
        public VariantType {
            cases = List.copyOf(cases);
        }
    }

    record EnumType(String name, List<String> cases) implements WitType {
        public EnumType {
            cases = List.copyOf(cases);
        }
    }

    record FlagsType(String name, List<String> flags) implements WitType {
        public FlagsType {
            flags = List.copyOf(flags);
        }
    }
}
