package dev.spinmixed.wit;

import java.util.List;
import java.util.Optional;

/**
 * A WIT value type, fully resolved: aliases and {@code use} are followed by the parser, so a type
 * never refers to another by name. Named types (records, variants, enums, flags) keep their name
 * for error messages and generated glue.
 *
 * <p>Code that treats each kind of type differently implements {@link Visitor}: a new kind of type
 * adds a method there, so every such place fails to compile until it handles it.
 */
public sealed interface WitType {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of WIT value type. */
    interface Visitor<R> {
        R primitive(Primitive type);

        R list(ListType type);

        R option(OptionType type);

        R result(ResultType type);

        R tuple(TupleType type);

        R record(RecordType type);

        R variant(VariantType type);

        R enumType(EnumType type);

        R flags(FlagsType type);
    }

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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.primitive(this);
        }
    }

    record ListType(WitType element) implements WitType {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.list(this);
        }
    }

    record OptionType(WitType some) implements WitType {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.option(this);
        }
    }

    /**
     * {@code result<ok, err>}; either side may be absent ({@code result}, {@code result<_, e>}).
     */
    record ResultType(Optional<WitType> ok, Optional<WitType> err) implements WitType {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.result(this);
        }
    }

    record TupleType(List<WitType> types) implements WitType {
        public TupleType {
            types = List.copyOf(types);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tuple(this);
        }
    }

    record Field(String name, WitType type) {}

    record RecordType(String name, List<Field> fields) implements WitType {
        public RecordType {
            fields = List.copyOf(fields);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.record(this);
        }
    }

    record Case(String name, Optional<WitType> type) {}

    record VariantType(String name, List<Case> cases) implements WitType {
        public VariantType {
            cases = List.copyOf(cases);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.variant(this);
        }
    }

    record EnumType(String name, List<String> cases) implements WitType {
        public EnumType {
            cases = List.copyOf(cases);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.enumType(this);
        }
    }

    record FlagsType(String name, List<String> flags) implements WitType {
        public FlagsType {
            flags = List.copyOf(flags);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flags(this);
        }
    }
}
