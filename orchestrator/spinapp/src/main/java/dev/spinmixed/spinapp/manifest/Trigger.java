package dev.spinmixed.spinapp.manifest;

import java.util.Optional;

/**
 * One {@code [[trigger.<type>]]} after Spin's normalization: every trigger has an id, and its
 * component is a reference to a {@code [component.<id>]} (an inline component was moved there). The
 * trigger-type settings are read by type: {@link HttpTrigger}, {@link RedisTrigger}; other types
 * (Spin's shim also runs sqs, mqtt and command triggers) keep only id and component.
 */
public sealed interface Trigger {

    String type();

    String id();

    /** The component it runs; empty for an HTTP trigger with a static response. */
    Optional<String> component();

    /** {@code [[trigger.http]]} (spin v3.6.3 {@code crates/http/src/config.rs}). */
    record HttpTrigger(
            String id,
            Optional<String> component,
            HttpRoute route,
            Optional<StaticResponse> staticResponse,
            HttpExecutor executor)
            implements Trigger {
        @Override
        public String type() {
            return "http";
        }

        /** A trigger for {@code route} that runs {@code component}, as {@code [[trigger.http]]}. */
        public static HttpTrigger of(String route, String component) {
            return new HttpTrigger(
                    component + "-http-trigger",
                    Optional.of(component),
                    new HttpRoute.Path(route),
                    Optional.empty(),
                    new HttpExecutor.Http());
        }

        /** A private endpoint ({@code route = { private = true }}) of {@code component}. */
        public static HttpTrigger privateEndpoint(String component) {
            return new HttpTrigger(
                    component + "-http-trigger",
                    Optional.of(component),
                    new HttpRoute.Private(true),
                    Optional.empty(),
                    new HttpExecutor.Http());
        }
    }

    /**
     * {@code [[trigger.redis]]} (spin v3.6.3 {@code crates/trigger-redis/src/lib.rs}): {@code
     * channel} and {@code address} are templates; without an address, the application's {@code
     * [application.trigger.redis] address} applies.
     */
    record RedisTrigger(
            String id, Optional<String> component, String channel, Optional<String> address)
            implements Trigger {
        @Override
        public String type() {
            return "redis";
        }
    }

    /** A trigger of another type: Spin's manifest accepts any type, the runtime decides. */
    record OtherTrigger(String type, String id, Optional<String> component) implements Trigger {}

    /** {@code route = "/path"} or {@code route = { private = true }}. */
    sealed interface HttpRoute {
        record Path(String pattern) implements HttpRoute {}

        /** Spin refuses {@code private = false} when it builds its router. */
        record Private(boolean isPrivate) implements HttpRoute {}
    }

    /** {@code static_response = { status_code, headers, body }}: answered without a component. */
    record StaticResponse(
            int status, java.util.Map<String, String> headers, Optional<String> body) {}

    /** {@code executor = { type = "http" | "spin" | "wagi" | "wasip3-unstable" }}. */
    sealed interface HttpExecutor {
        /** The default: {@code fermyon:spin/inbound-http} or {@code wasi:http/incoming-handler}. */
        record Http() implements HttpExecutor {}

        record Wagi(String entrypoint, String argv) implements HttpExecutor {}

        record Wasip3Unstable() implements HttpExecutor {}
    }
}
