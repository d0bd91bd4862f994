package dev.spinmixed.host.manifest;

import java.util.List;
import java.util.Map;

/**
 * One {@code [component.<id>]} table. {@code source} is as written (relative to the manifest);
 * {@code variables} maps the component's config keys to templates over application variables;
 * {@code dependencies} maps an import name such as {@code acme:pricing/pricing@0.1.0} to what
 * satisfies it.
 */
public record ComponentConfig(
        String id,
        String source,
        Map<String, Dependency> dependencies,
        List<String> allowedOutboundHosts,
        Map<String, String> environment,
        Map<String, String> variables) {

    public ComponentConfig {
        dependencies = Map.copyOf(dependencies);
        allowedOutboundHosts = List.copyOf(allowedOutboundHosts);
        environment = Map.copyOf(environment);
        variables = Map.copyOf(variables);
    }
}
