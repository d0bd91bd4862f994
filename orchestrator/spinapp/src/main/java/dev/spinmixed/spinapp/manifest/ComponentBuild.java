package dev.spinmixed.spinapp.manifest;

import java.util.List;
import java.util.Optional;

/** {@code [component.<id>.build]}: what {@code spin build} runs; Spin's runtime ignores it. */
public record ComponentBuild(List<String> commands, Optional<String> workdir, List<String> watch) {

    public ComponentBuild {
        commands = List.copyOf(commands);
        watch = List.copyOf(watch);
    }
}
