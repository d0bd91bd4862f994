package dev.spinmixed.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A client cannot pass itself off as the host: headers it sends under the names of Spin's routing
 * headers ({@code spin-path-info}, {@code spin-client-addr}, ...) never reach the guest; the guest
 * sees exactly one of each, set by the host.
 */
class HeaderSpoofingTest {

    @Test
    void clientSentSpinHeadersAreReplacedByTheHosts() throws Exception {
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
        assertEquals(List.of("/real"), values(headers, "spin-path-info"));
        assertEquals(List.of("/app/..."), values(headers, "spin-matched-route"));
        assertEquals(List.of("http://localhost/app/real"), values(headers, "spin-full-url"));
        assertEquals(1, values(headers, "spin-client-addr").size());
        assertEquals(List.of("yes"), values(headers, "x-kept"));
    }

    private static List<String> values(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equals(name)).map(Header::value).toList();
    }
}
