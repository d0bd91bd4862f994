package dev.spinmixed.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trades the deployer's Entra (AAD) access token for an ACR refresh token at the registry's {@code
 * /oauth2/exchange} endpoint, the same exchange {@code az acr login} performs. Docker then logs in
 * with the fixed user {@code 00000000-0000-0000-0000-000000000000} and that token, so the push runs
 * as the deployer (AcrPush) and the registry admin user stays disabled.
 */
public final class AcrTokenExchange {
    /** The user name ACR expects with a refresh token. */
    public static final String TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Function<String, URI> endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** {@code endpoint} maps a registry login server to its exchange URL. */
    public AcrTokenExchange(Function<String, URI> endpoint) {
        this.endpoint = endpoint;
    }

    public static AcrTokenExchange overHttps() {
        return new AcrTokenExchange(
                loginServer -> URI.create("https://" + loginServer + "/oauth2/exchange"));
    }

    public String refreshToken(String loginServer, String tenantId, String aadAccessToken) {
        String form =
                Map.of(
                                "grant_type", "access_token",
                                "service", loginServer,
                                "tenant", tenantId,
                                "access_token", aadAccessToken)
                        .entrySet()
                        .stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + "="
                                                + URLEncoder.encode(
                                                        e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        URI uri = endpoint.apply(loginServer);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ACR token exchange at " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ACR token exchange at " + uri + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            // The body names the cause (e.g. missing AcrPush) and never echoes the token sent.
            throw new IllegalStateException(
                    "ACR token exchange at "
                            + uri
                            + " answered HTTP "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        try {
            JsonNode token = json.readTree(response.body()).path("refresh_token");
            if (!token.isTextual() || token.asText().isEmpty()) {
                throw new IllegalStateException(
                        "ACR token exchange at " + uri + " answered without a refresh_token");
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ACR token exchange at " + uri + " answered malformed JSON", e);
        }
    }
}
