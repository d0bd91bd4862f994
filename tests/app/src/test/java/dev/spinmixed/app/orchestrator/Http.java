package dev.spinmixed.app.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.abi.Record;
import dev.spinmixed.linker.Composition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Calls a guest's {@code fermyon:spin/inbound-http.handle-request} the way Spin does. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The lifted {@code response}: status, headers (lower-case names) and the body parsed as JSON.
     */
    record Response(int status, List<List<Object>> headers, JsonNode body) {

        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.get(0).equals(name))
                    .map(h -> (String) h.get(1))
                    .findFirst();
        }
    }

    private Http() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response post(Composition guest, String path, String body) {
        return call(guest, "post", path, Optional.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code method} is an {@code http-types.method} case name, e.g. "post". */
    @SuppressWarnings("unchecked")
    static Response call(Composition guest, String method, String path, Optional<byte[]> body) {
        Record request =
                Record.of(
                        "method",
                        method,
                        "uri",
                        path,
                        "headers",
                        List.of(List.of("content-type", "application/json")),
                        "params",
                        List.of(),
                        "body",
                        body.map(b -> (Object) b));
        Record response =
                (Record) guest.call(Guests.INBOUND_HTTP, "handle-request", List.of(request));
        List<List<Object>> headers =
                ((Optional<List<List<Object>>>) response.get("headers")).orElse(List.of());
        byte[] bytes =
                ((Optional<byte[]>) response.get("body"))
                        .orElseThrow(() -> new AssertionError("no body"));
        return new Response(
                ((Number) response.get("status")).intValue(),
                headers,
                json(new String(bytes, StandardCharsets.UTF_8)));
    }
}
