package dev.spinmixed.bindgen;

import dev.spinmixed.wit.WitType;
import java.util.Optional;

/** The name of a named type (record, variant, enum, flags); anonymous types have none. */
final class NamedTypes {

    private NamedTypes() {}

    static Optional<String> name(WitType type) {
        return type.accept(NAME);
    }

    private static final WitType.Visitor<Optional<String>> NAME =
            new WitType.Visitor<>() {
                @Override
                public Optional<String> primitive(WitType.Primitive type) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> list(WitType.ListType type) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> option(WitType.OptionType type) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> result(WitType.ResultType type) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> tuple(WitType.TupleType type) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> record(WitType.RecordType type) {
                    return Optional.of(type.name());
                }

                @Override
                public Optional<String> variant(WitType.VariantType type) {
                    return Optional.of(type.name());
                }

                @Override
                public Optional<String> enumType(WitType.EnumType type) {
                    return Optional.of(type.name());
                }

                @Override
                public Optional<String> flags(WitType.FlagsType type) {
                    return Optional.of(type.name());
                }
            };
}
