package dev.spinmixed.tests.app.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.contracts.Tuple2;
import dev.spinmixed.contracts.fermyon.spin.InboundHttp;
import dev.spinmixed.contracts.fermyon.spin.http_types.Method;
import dev.spinmixed.contracts.fermyon.spin.http_types.Request;
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
    record Response(int status, List<List<String>> headers, JsonNode body) {

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

    /**
     * {@code method} is an {@code http-types.method} case name, e.g. "post"; the call goes through
     * the typed facade generated from apps/wit.
     */
    static Response call(Composition guest, String method, String path, Optional<byte[]> body) {
        Request request =
                new Request(
                        Method.fromValue(method),
                        path,
                        List.of(new Tuple2<>("content-type", "application/json")),
                        List.of(),
                        body);
        var response = InboundHttp.exportedBy(guest).handleRequest(request);
        List<List<String>> headers =
                response.headers().orElse(List.of()).stream()
                        .map(h -> List.of(h.first(), h.second()))
                        .toList();
        byte[] bytes = response.body().orElseThrow(() -> new AssertionError("no body"));
        return new Response(
                response.status(), headers, json(new String(bytes, StandardCharsets.UTF_8)));
    }
}
