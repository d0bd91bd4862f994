package dev.spinmixed.host.runtime;

import dev.spinmixed.host.manifest.VariableResolver;
import dev.spinmixed.host.redis.OutboundRedis;

/**
 * What the host provides to guests: outbound Redis and the app's variables (for config.get-config).
 */
public record HostFunctions(OutboundRedis redis, VariableResolver variables) {}
