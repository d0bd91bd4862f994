package dev.spinmixed.abi;

import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.VariantType;
import java.util.List;
import java.util.Optional;

/**
 * The cases of a variant-like type as the variant it despecializes to (CanonicalABI.md,
 * "Despecialization"): {@code enum} is a variant without payloads, {@code option<T>} is {@code
 * variant { none, some(T) }}, {@code result<T, E>} is {@code variant { ok(T), err(E) }}.
 */
public record Cases(List<String> names, List<Optional<WitType>> payloads) {

    public Cases {
        names = List.copyOf(names);
        payloads = List.copyOf(payloads);
    }

    public static Cases of(VariantType type) {
        return new Cases(
                type.cases().stream().map(WitType.Case::name).toList(),
                type.cases().stream().map(WitType.Case::type).toList());
    }

    public static Cases of(EnumType type) {
        return new Cases(
                type.cases(), type.cases().stream().map(c -> Optional.<WitType>empty()).toList());
    }

    public static Cases of(OptionType type) {
        return new Cases(
                List.of("none", "some"), List.of(Optional.empty(), Optional.of(type.some())));
    }

    public static Cases of(ResultType type) {
        return new Cases(List.of("ok", "err"), List.of(type.ok(), type.err()));
    }

    public int size() {
        return names.size();
    }
}
