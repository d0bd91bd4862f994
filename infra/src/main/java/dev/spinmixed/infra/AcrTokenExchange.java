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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry password of the image push: the deployer's Entra (AAD) access token traded for an
 * ACR refresh token at the registry's {@code /oauth2/exchange}, the exchange {@code az acr login}
 * performs (Azure/acr, docs/AAD-OAuth.md). Docker then logs in with the fixed user {@code
 * 00000000-0000-0000-0000-000000000000} and that token, so the push runs as the deployer (AcrPush)
 * and the registry admin user stays disabled.
 *
 * <p>The registry reads the deployer's permissions from Azure when it issues the refresh token, and
 * a new role assignment takes a while to reach it, so a first push right after the AcrPush grant
 * would fail with 401. {@link #pushToken} therefore asks the registry's {@code /oauth2/token} for a
 * push-scoped access token and reads what its {@code access} claim grants (the Docker registry
 * token specification, distribution docs/spec/auth/jwt.md); while the exchange is refused or the
 * grant lacks {@code push}, it tries again every {@link #POLL} for at most the configured wait,
 * reporting progress, then fails naming the identity's missing grant.
 */
public final class AcrTokenExchange {
    /** The user name ACR expects with a refresh token. */
    public static final String TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    /**
     * Azure documents that a role assignment can take up to 10 minutes to take effect
     * (MicrosoftDocs/azure-docs, role-based-access-control/troubleshooting.md).
     */
    public static final Duration PUSH_GRANT_WAIT = Duration.ofMinutes(10);

    public static final Duration POLL = Duration.ofSeconds(15);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Waits between attempts; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Function<String, URI> registryUrl;
    private final Duration wait;
    private final Sleeper sleeper;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param registryUrl maps a registry login server to its base URL ({@code https://<server>})
     * @param wait how long {@link #pushToken} waits for the push grant
     * @param progress receives a line per attempt that found no push grant yet
     */
    public AcrTokenExchange(
            Function<String, URI> registryUrl,
            Duration wait,
            Sleeper sleeper,
            Consumer<String> progress) {
        this.registryUrl = registryUrl;
        this.wait = wait;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    public static AcrTokenExchange overHttps(Consumer<String> progress) {
        return new AcrTokenExchange(
                loginServer -> URI.create("https://" + loginServer),
                PUSH_GRANT_WAIT,
                duration -> Thread.sleep(duration.toMillis()),
                progress);
    }

    /**
     * A refresh token that may push to {@code repository}, once the deployer's push grant has
     * reached the registry.
     */
    public String pushToken(
            String loginServer, String tenantId, String aadAccessToken, String repository) {
        Duration waited = Duration.ZERO;
        while (true) {
            HttpResponse<String> exchanged =
                    send(
                            loginServer,
                            "/oauth2/exchange",
                            exchangeForm(loginServer, tenantId, aadAccessToken));
            String refusal;
            if (isRefusal(exchanged)) {
                refusal = "the token exchange answered HTTP " + exchanged.statusCode();
            } else {
                String refreshToken = field(checked(exchanged), "refresh_token");
                refusal = pushRefusal(loginServer, refreshToken, repository);
                if (refusal == null) {
                    return refreshToken;
                }
            }
            if (waited.compareTo(wait) >= 0) {
                throw new IllegalStateException(
                        "The registry "
                                + loginServer
                                + " still grants the deploying identity no push to "
                                + repository
                                + " after "
                                + wait.toMinutes()
                                + " min ("
                                + refusal
                                + "). Check that the identity pulumi runs as holds AcrPush on the"
                                + " registry (the stack grants it), then run pulumi up again.");
            }
            progress.accept(
                    "waiting for AcrPush on "
                            + loginServer
                            + " to take effect: "
                            + refusal
                            + " ("
                            + waited.toSeconds()
                            + " s of at most "
                            + wait.toSeconds()
                            + " s)");
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for AcrPush", e);
            }
            waited = waited.plus(POLL);
        }
    }

    /** {@code POST /oauth2/exchange}: an ACR refresh token for the AAD access token. */
    public String refreshToken(String loginServer, String tenantId, String aadAccessToken) {
        return field(
                checked(
                        send(
                                loginServer,
                                "/oauth2/exchange",
                                exchangeForm(loginServer, tenantId, aadAccessToken))),
                "refresh_token");
    }

    private static Map<String, String> exchangeForm(
            String loginServer, String tenantId, String aadAccessToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "access_token");
        form.put("service", loginServer);
        form.put("tenant", tenantId);
        form.put("access_token", aadAccessToken);
        return form;
    }

    /**
     * {@code POST /oauth2/token} for {@code repository:<name>:push}: null when the access token's
     * {@code access} claim grants the push, otherwise what the registry answered. The token server
     * grants what the identity may do of what was asked, possibly nothing.
     */
    private String pushRefusal(String loginServer, String refreshToken, String repository) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("service", loginServer);
        form.put("scope", "repository:" + repository + ":push");
        form.put("refresh_token", refreshToken);
        HttpResponse<String> response = send(loginServer, "/oauth2/token", form);
        if (isRefusal(response)) {
            return "the push-scoped token request answered HTTP " + response.statusCode();
        }
        String accessToken = field(checked(response), "access_token");
        for (JsonNode access : claims(accessToken, loginServer).path("access")) {
            if (access.path("type").asText().equals("repository")
                    && access.path("name").asText().equals(repository)) {
                for (JsonNode action : access.path("actions")) {
                    if (action.asText().equals("push") || action.asText().equals("*")) {
                        return null;
                    }
                }
            }
        }
        return "the push-scoped access token grants no push";
    }

    private static boolean isRefusal(HttpResponse<String> response) {
        return response.statusCode() == 401 || response.statusCode() == 403;
    }

    private HttpResponse<String> send(String loginServer, String path, Map<String, String> form) {
        URI uri = URI.create(registryUrl.apply(loginServer) + path);
        String body =
                form.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + "="
                                                + URLEncoder.encode(
                                                        e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ACR token request to " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ACR token request to " + uri + " was interrupted", e);
        }
    }

    private static HttpResponse<String> checked(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            // The body names the cause (e.g. missing AcrPush) and never echoes the token sent.
            throw new IllegalStateException(
                    "ACR token request to "
                            + response.uri()
                            + " answered HTTP "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return response;
    }

    private String field(HttpResponse<String> response, String name) {
        try {
            JsonNode value = json.readTree(response.body()).path(name);
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw new IllegalStateException(
                        "ACR token request to " + response.uri() + " answered without a " + name);
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ACR token request to " + response.uri() + " answered malformed JSON", e);
        }
    }

    /** The claims of a JWT; its signature is the registry's business, not ours. */
    private JsonNode claims(String jwt, String loginServer) {
        String[] parts = jwt.split("\\.");
        try {
            if (parts.length < 2) {
                throw new IOException("not a JWT");
            }
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the access token of " + loginServer + " is not a readable JWT", e);
        }
    }
}
