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
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Access tokens for Xero's API, fetched with the client-credentials grant of a Xero custom
 * connection and reused until shortly before they expire; with
 * {@code fieldsync.xero.grant=authorization_code} they are the connection's, kept and refreshed in
 * the state store by {@link AuthorisedTokens}. Routes put {@code xeroTokens.bearer()}
 * in the Authorization header; the token itself never goes into a message body or a log.
 */
@Component("xeroTokens")
public class XeroTokens {

    /** Refresh this long before expiry so a token never dies in the middle of a batch. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    private final XeroSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    /** The authorisation-code connection's tokens; null with the client-credentials grant. */
    private final AuthorisedTokens authorised;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    @Autowired
    public XeroTokens(XeroSettings settings, HttpClient xeroHttpClient, ObjectMapper json, AuthorisedTokens authorised) {
        this(settings, xeroHttpClient, json, Clock.systemUTC(), authorised);
    }

    XeroTokens(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this(settings, http, json, clock, null);
    }

    XeroTokens(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock, AuthorisedTokens authorised) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.authorised = TokenCipher.GRANT.equals(settings.grant()) ? authorised : null;
    }

    /** The value of an Authorization header. */
    public String bearer() {
        return "Bearer " + accessToken();
    }

    public String accessToken() {
        // shared by the nodes through the state store, under its own lock: no lock of this object held meanwhile
        return authorised != null ? authorised.accessToken() : customConnectionToken();
    }

    private synchronized String customConnectionToken() {
        if (accessToken == null || clock.instant().isAfter(expiresAt.minus(EARLY))) {
            fetch();
        }
        return accessToken;
    }

    /**
     * Xero answered 401 to a call with the connection's access token (the app was disconnected in
     * Xero, say): the stored token is taken as expired, so the next call refreshes, and a refused
     * refresh finds out that reconnecting is needed.
     */
    public void unauthorised() {
        if (authorised != null) {
            authorised.expireAccessToken();
        }
    }

    /** Drops the cached token, e.g. after Xero refused it; the next call fetches a new one. */
    public synchronized void forget() {
        accessToken = null;
    }

    private void fetch() {
        String credentials = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(settings.scopes(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new XeroConnectionException("Xero refused the token request (HTTP " + response.statusCode()
                        + "): " + XeroErrors.summary(response.body()) + "; check fieldsync.xero.client-id and client-secret");
            }
            JsonNode token = json.readTree(response.body());
            accessToken = token.path("access_token").asText();
            io.fieldsync.logging.SecretMasking.rememberToken(accessToken);
            expiresAt = clock.instant().plusSeconds(token.path("expires_in").asLong(1800));
        } catch (IOException e) {
            throw new XeroConnectionException("Xero's token endpoint " + settings.tokenUrl() + " cannot be reached: " + XeroErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while fetching a Xero token", e);
        }
    }
}
