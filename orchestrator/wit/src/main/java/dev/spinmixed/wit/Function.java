package dev.spinmixed.wit;

import java.util.List;
import java.util.Optional;

/** A WIT function: named parameters and at most one result. */
public record Function(String name, List<Param> params, Optional<WitType> result) {

    public record Param(String name, WitType type) {}

    public Function {
        params = List.copyOf(params);
    }
}
