package dev.spinmixed.tests.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spinmixed.infra.AcrTokenExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays an Azure Container Registry's token server (Azure/acr docs/AAD-OAuth.md): {@code
 * /oauth2/exchange} answers a refresh token for an AAD access token, {@code /oauth2/token} an
 * access token whose {@code access} claim grants push on the requested repository from the {@code
 * grantPushFrom}-th request on (counting from 1), as a role assignment reaches the registry some
 * time after it was made. Records every form it received.
 */
final class FakeRegistry implements AutoCloseable {
    static final String REFRESH_TOKEN = "acr-refresh-token-for-the-deployer";

    private final HttpServer server;
    private final int grantPushFrom;
    private final List<Map<String, String>> exchanges = new ArrayList<>();
    private final List<Map<String, String>> tokenRequests = new ArrayList<>();

    FakeRegistry(int grantPushFrom) {
        this.grantPushFrom = grantPushFrom;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/exchange", this::exchange);
        server.createContext("/oauth2/token", this::token);
        server.start();
    }

    /**
     * The program's exchange, pointed here, waiting {@code wait} at most without sleeping, with its
     * progress lines in {@code progress}.
     */
    AcrTokenExchange client(Duration wait, List<String> progress) {
        return new AcrTokenExchange(
                loginServer -> URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                wait,
                duration -> {},
                line -> {
                    synchronized (progress) {
                        progress.add(line);
                    }
                });
    }

    synchronized List<Map<String, String>> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void exchange(HttpExchange http) throws IOException {
        synchronized (this) {
            exchanges.add(form(http));
        }
        answer(http, "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");
    }

    private void token(HttpExchange http) throws IOException {
        Map<String, String> form = form(http);
        int attempt;
        synchronized (this) {
            tokenRequests.add(form);
            attempt = tokenRequests.size();
        }
        // scope = repository:<name>:push
        String repository = form.get("scope").split(":")[1];
        String actions = attempt >= grantPushFrom ? "[\"push\",\"pull\"]" : "[]";
        String claims =
                "{\"access\":[{\"type\":\"repository\",\"name\":\""
                        + repository
                        + "\",\"actions\":"
                        + actions
                        + "}]}";
        answer(http, "{\"access_token\":\"" + jwt(claims) + "\"}");
    }

    private static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + ".signature";
    }

    private static Map<String, String> form(HttpExchange http) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(
                        Collectors.toMap(
                                kv -> kv[0],
                                kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    private static void answer(HttpExchange http, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(200, body.length);
        http.getResponseBody().write(body);
        http.close();
    }
}
