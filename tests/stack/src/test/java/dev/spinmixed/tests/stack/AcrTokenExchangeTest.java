package dev.spinmixed.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.spinmixed.infra.AcrTokenExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry's answers the exchange must handle, from a local endpoint. */
class AcrTokenExchangeTest {
    private HttpServer server;
    private String requestContentType;

    private AcrTokenExchange answering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/oauth2/exchange",
                exchange -> {
                    requestContentType = exchange.getRequestHeaders().getFirst("Content-Type");
                    exchange.getRequestBody().readAllBytes();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
        return new AcrTokenExchange(
                loginServer -> URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ZERO,
                duration -> {},
                line -> {});
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void returnsTheRefreshTokenOfAFormPost() throws IOException {
        var exchange = answering(200, "{\"refresh_token\":\"the-refresh-token\"}");
        assertEquals("the-refresh-token", exchange.refreshToken("r.azurecr.io", "tenant", "aad"));
        assertEquals("application/x-www-form-urlencoded", requestContentType);
    }

    @Test
    void aRefusalNamesTheStatusAndTheRegistrysReasonButNotTheToken() throws IOException {
        var exchange =
                answering(
                        401,
                        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"no AcrPush\"}]}");
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () -> exchange.refreshToken("r.azurecr.io", "tenant", "secret-aad-token"));
        assertTrue(
                e.getMessage().contains("HTTP 401") && e.getMessage().contains("no AcrPush"),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret-aad-token"));
    }

    @Test
    void anAnswerWithoutARefreshTokenIsAnError() throws IOException {
        var exchange = answering(200, "{\"access_token\":\"x\"}");
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () -> exchange.refreshToken("r.azurecr.io", "t", "a"));
        assertTrue(e.getMessage().contains("without a refresh_token"), e.getMessage());
    }
}
