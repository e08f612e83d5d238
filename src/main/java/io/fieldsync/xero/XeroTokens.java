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
    private final XeroReachability reachability;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    @Autowired
    public XeroTokens(XeroSettings settings, HttpClient xeroHttpClient, ObjectMapper json, AuthorisedTokens authorised,
                      XeroReachability reachability) {
        this(settings, xeroHttpClient, json, Clock.systemUTC(), authorised, reachability);
    }

    XeroTokens(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this(settings, http, json, clock, null);
    }

    XeroTokens(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock, AuthorisedTokens authorised) {
        this(settings, http, json, clock, authorised, XeroReachability.notRecorded());
    }

    private XeroTokens(XeroSettings settings, HttpClient http, ObjectMapper json, Clock clock, AuthorisedTokens authorised,
                       XeroReachability reachability) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.authorised = TokenCipher.GRANT.equals(settings.grant()) ? authorised : null;
        this.reachability = reachability;
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
     * Xero answered 401 to a call with the connection's access token (expired early, revoked, the
     * app disconnected in Xero): the token is taken as expired, so the next call refreshes (a
     * custom connection fetches a new one), and a refused refresh finds out that reconnecting is needed.
     */
    public void unauthorised() {
        if (authorised != null) {
            authorised.expireAccessToken();
        } else {
            forget();
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
            if (response.statusCode() >= 500) {
                String reason = "Xero's token endpoint " + settings.tokenUrl() + " answered HTTP " + response.statusCode()
                        + ": " + XeroErrors.summary(response.body());
                reachability.unreachable(reason);
                throw new XeroConnectionException(reason);
            }
            if (response.statusCode() != 200) {
                String reason = "Xero refused the token request (HTTP " + response.statusCode()
                        + "): " + XeroErrors.summary(response.body()) + "; check fieldsync.xero.client-id and client-secret";
                reachability.refused(reason);
                throw new XeroConnectionException(reason);
            }
            reachability.answered();
            JsonNode token = json.readTree(response.body());
            accessToken = token.path("access_token").asText();
            io.fieldsync.logging.SecretMasking.rememberToken(accessToken);
            expiresAt = clock.instant().plusSeconds(token.path("expires_in").asLong(1800));
        } catch (IOException e) {
            XeroConnectionException unreachable = new XeroConnectionException("Xero's token endpoint " + settings.tokenUrl()
                    + " cannot be reached: " + XeroErrors.describe(e), e);
            reachability.unreachable(unreachable.getMessage());
            throw unreachable;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while fetching a Xero token", e);
        }
    }
}
