package dev.spinmixed.host.manifest;

import java.util.Optional;

/**
 * One {@code [[trigger.redis]]}. {@code channel} and {@code address} are templates; without an
 * address the application's {@code [application.trigger.redis] address} applies.
 */
public record RedisTrigger(String channel, String component, Optional<String> address) {}
