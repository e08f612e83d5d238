package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.logging.SecretMasking;
import org.springframework.stereotype.Component;

/**
 * Xero's identity calls of the authorisation-code flow: exchanging a code, refreshing, listing
 * and deleting the user's connections. Tokens go in and come out of here, never into a log.
 */
@Component
public class XeroIdentity {

    /** What the token endpoint granted. */
    public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, String scope) {
        @Override
        public String toString() {
            return "TokenSet[expiresAt=" + expiresAt + ", scope=" + scope + "]";
        }
    }

    /** One organisation of GET /connections. */
    public record Organisation(String connectionId, String tenantId, String tenantName, String tenantType) {
    }

    private final XeroSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final XeroReachability reachability;

    @org.springframework.beans.factory.annotation.Autowired
    public XeroIdentity(XeroSettings settings, HttpClient xeroHttpClient, ObjectMapper json, XeroReachability reachability) {
        this(settings, xeroHttpClient, json, Clock.systemUTC(), reachability);
    }

    XeroIdentity(XeroSettings settings, HttpClient http, ObjectMapper json) {
        this(settings, http, json, Clock.systemUTC(), XeroReachability.notRecorded());
    }

    XeroIdentity(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock, XeroReachability reachability) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.reachability = reachability;
    }

    public TokenSet exchangeCode(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return token(form, "Xero refused the authorisation code");
    }

    /** A new access token and the rotated refresh token; {@link RefreshRefusedException} when Xero says the refresh token is dead. */
    public TokenSet refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return token(form, "Xero refused to refresh the connection");
    }

    public List<Organisation> connections(String accessToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.connectionsUrl()))
                .header("Authorization", "Bearer " + accessToken).GET(), "GET " + settings.connectionsUrl());
        if (response.statusCode() != 200) {
            throw new XeroConnectionException("Xero answered HTTP " + response.statusCode() + " to GET "
                    + settings.connectionsUrl() + ": " + XeroErrors.summary(response.body()));
        }
        List<Organisation> organisations = new ArrayList<>();
        for (JsonNode connection : read(response.body())) {
            if ("ORGANISATION".equalsIgnoreCase(connection.path("tenantType").asText("ORGANISATION"))) {
                organisations.add(new Organisation(connection.path("id").asText(), connection.path("tenantId").asText(),
                        connection.path("tenantName").asText(null), connection.path("tenantType").asText(null)));
            }
        }
        return organisations;
    }

    /** True when Xero disconnected it, false when Xero no longer had it (404). */
    public boolean deleteConnection(String accessToken, String connectionId) {
        String url = settings.connectionsUrl() + "/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + accessToken).DELETE(), "DELETE " + url);
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() / 100 != 2) {
            throw new XeroConnectionException("Xero answered HTTP " + response.statusCode() + " to DELETE " + url + ": "
                    + XeroErrors.summary(response.body()));
        }
        return true;
    }

    private TokenSet token(Map<String, String> form, String refused) {
        String credentials = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "the token request to " + settings.tokenUrl());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            String error = read(response.body()).path("error").asText("");
            String message = refused + " (HTTP " + response.statusCode() + ", " + (error.isEmpty() ? XeroErrors.summary(response.body()) : error) + ")";
            if ("invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                throw new RefreshRefusedException(message, error);
            }
            throw new XeroConnectionException(message);
        }
        if (response.statusCode() >= 500) {
            // Xero's trouble, not a refusal: the token is still good, the next try may work
            throw new XeroConnectionException("Xero cannot be reached for the token request to " + settings.tokenUrl()
                    + ": it answered HTTP " + response.statusCode() + " " + XeroErrors.summary(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new XeroConnectionException(refused + ": HTTP " + response.statusCode() + " " + XeroErrors.summary(response.body()));
        }
        JsonNode token = read(response.body());
        String access = token.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new XeroConnectionException("Xero's token endpoint answered without an access token");
        }
        SecretMasking.rememberToken(access);
        String refresh = token.path("refresh_token").asText(null);
        if (refresh != null) {
            SecretMasking.rememberToken(refresh);
        }
        return new TokenSet(access, refresh, clock.instant().plusSeconds(token.path("expires_in").asLong(1800)),
                token.path("scope").asText(null));
    }

    /** Every identity call: what it found is what the connection status shows (no answer or a 5xx: out of reach). */
    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                reachability.unreachable("Xero answered HTTP " + response.statusCode() + " to " + what);
            } else {
                reachability.answered();
            }
            return response;
        } catch (IOException e) {
            XeroConnectionException unreachable = new XeroConnectionException("Xero cannot be reached for " + what + ": "
                    + XeroErrors.describe(e), e);
            reachability.unreachable(unreachable.getMessage());
            throw unreachable;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted during " + what, e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new XeroConnectionException("Xero's identity service answered what is not JSON: " + XeroErrors.summary(body), e);
        }
    }

    /** Xero refused the grant itself (the refresh token or code is dead, or the app's credentials): only a person can fix it. */
    public static class RefreshRefusedException extends XeroConnectionException {
        private final String error;

        public RefreshRefusedException(String message, String error) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
