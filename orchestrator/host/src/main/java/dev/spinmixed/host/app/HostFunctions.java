package dev.spinmixed.host.app;

import dev.spinmixed.host.redis.OutboundRedis;
import dev.spinmixed.host.variables.VariableResolver;

/**
 * What the host provides to guests: outbound Redis and the app's variables (for config.get-config).
 */
public record HostFunctions(OutboundRedis redis, VariableResolver variables) {}
