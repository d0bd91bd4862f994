package dev.spinmixed.spinapp.manifest;

import java.util.List;
import java.util.Optional;

/**
 * {@code [application]}. {@code redisAddress} is the template of {@code [application.trigger.redis]
 * address}; {@code httpBase} is the deprecated {@code [application.trigger.http] base}.
 */
public record Application(
        String name,
        String version,
        String description,
        List<String> authors,
        List<TargetEnvironment> targets,
        List<String> triggerSettingTypes,
        Optional<String> redisAddress,
        Optional<String> httpBase,
        List<String> tools) {

    public Application {
        authors = List.copyOf(authors);
        targets = List.copyOf(targets);
        triggerSettingTypes = List.copyOf(triggerSettingTypes);
        tools = List.copyOf(tools);
    }
}
