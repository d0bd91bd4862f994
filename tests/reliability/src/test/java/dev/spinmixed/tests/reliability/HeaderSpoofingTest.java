package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.http.AppInfo;
import dev.spinmixed.host.http.HttpTriggerServer;
import dev.spinmixed.host.http.Router;
import dev.spinmixed.host.runtime.GuestRequest;
import dev.spinmixed.host.runtime.GuestResponse;
import dev.spinmixed.host.runtime.GuestRuntime;
import dev.spinmixed.host.runtime.Header;
import dev.spinmixed.spinapp.manifest.Trigger.HttpTrigger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Headers a client sends under the names of Spin's own ({@code spin-path-info}, {@code
 * spin-client-addr}, ...) reach the guest as Spin 3.6.3 passes them (crates/trigger-http/src/
 * headers.rs, prepare_request_headers: the request's headers, then Spin's): the client's first, the
 * host's after them, so the last value of each name is the host's. A guest that trusts these
 * headers must read the last value (docs/spin-fidelity.md).
 */
class HeaderSpoofingTest {

    @Test
    void clientSentSpinHeadersComeFirstAndTheHostsOwnLast() throws Exception {
        AtomicReference<List<Header>> seen = new AtomicReference<>();
        GuestRuntime recorder =
                new GuestRuntime() {
                    @Override
                    public GuestResponse handleRequest(String componentId, GuestRequest request) {
                        seen.set(request.headers());
                        return new GuestResponse(
                                200,
                                Optional.empty(),
                                Optional.of("ok".getBytes(StandardCharsets.UTF_8)));
                    }

                    @Override
                    public boolean handleMessage(String componentId, byte[] message) {
                        return true;
                    }

                    @Override
                    public void close() {}
                };
        HttpTriggerServer server =
                new HttpTriggerServer(
                        Router.build(List.of(HttpTrigger.of("/app/...", "app"))),
                        recorder,
                        AppInfo.of("spoof", ""),
                        new HttpTriggerServer.Limits(1024, Duration.ofSeconds(5), 2));
        try {
            InetSocketAddress address = server.start(new InetSocketAddress("127.0.0.1", 0));
            byte[] request =
                    ("GET /app/real HTTP/1.1\r\n"
                                    + "host: localhost\r\n"
                                    + "connection: close\r\n"
                                    + "spin-path-info: /forged\r\n"
                                    + "spin-client-addr: 10.0.0.1:1\r\n"
                                    + "Spin-Full-Url: http://evil/\r\n"
                                    + "spin-matched-route: /admin\r\n"
                                    + "x-kept: yes\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(
                    200,
                    RawHttp.exchange(address, request, false, Duration.ofSeconds(10)).status());
        } finally {
            server.close();
        }
        List<Header> headers = seen.get();
        assertEquals(List.of("/forged", "/real"), values(headers, "spin-path-info"));
        assertEquals(List.of("/admin", "/app/..."), values(headers, "spin-matched-route"));
        assertEquals(
                List.of("http://evil/", "http://localhost/app/real"),
                values(headers, "spin-full-url"));
        List<String> clientAddr = values(headers, "spin-client-addr");
        assertEquals(2, clientAddr.size());
        assertEquals("10.0.0.1:1", clientAddr.get(0));
        assertTrue(clientAddr.get(1).startsWith("127.0.0.1:"), clientAddr.get(1));
        assertEquals(List.of("yes"), values(headers, "x-kept"));
        assertEquals(
                "spin-client-addr",
                headers.get(headers.size() - 1).name(),
                "Spin's own headers come last");
    }

    private static List<String> values(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equals(name)).map(Header::value).toList();
    }
}
