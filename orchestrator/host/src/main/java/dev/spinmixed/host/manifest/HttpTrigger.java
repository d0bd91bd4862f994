package dev.spinmixed.host.manifest;

import java.util.Optional;

/**
 * One {@code [[trigger.http]]}; a private endpoint ({@code route = { private = true }}) has no
 * route.
 */
public record HttpTrigger(Optional<String> route, String component) {}
