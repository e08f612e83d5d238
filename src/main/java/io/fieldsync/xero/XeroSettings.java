package io.fieldsync.xero;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.xero.*}: where Xero is and how the connector identifies itself to it (the rest
 * of {@code fieldsync.xero.*}: {@link XeroClientProperties}, {@link TokenRefreshSettings}).
 * Defaults: application.yml.
 *
 * @param apiUrl         the Accounting API base
 * @param identityUrl    Xero's identity server; the token endpoint is {identity-url}/connect/token
 * @param authorizeUrl   the OAuth2 authorize page (authorization_code only)
 * @param connectionsUrl the tenant connections endpoint
 * @param clientId       the Xero app's client id; empty: the in-process Xero sandbox starts and the
 *                       client is pointed at it
 * @param clientSecret   the Xero app's client secret; a secret: set it in the environment
 *                       (FIELDSYNC_XERO_CLIENT_SECRET)
 * @param grant          client_credentials (a Xero custom connection: one organisation, no login) or
 *                       authorization_code (OAuth2 with a user's consent at /api/xero/connect; needs token-key)
 * @param scopes         the scopes the client-credentials token request and the authorize URL ask for
 *                       (the authorize URL adds offline_access, for refresh tokens)
 * @param tenantId       the Xero organisation; empty: the one the connection lists (with
 *                       authorization_code and several listed, the operator chooses)
 * @param limits         Xero's limits the rate governor keeps to
 */
@Validated
@ConfigurationProperties("fieldsync.xero")
public record XeroSettings(String apiUrl, String identityUrl, String authorizeUrl, String connectionsUrl,
                           String clientId, String clientSecret, String grant, String scopes,
                           String tenantId, Limits limits) {

    /**
     * Xero's limits the rate governor keeps to (Xero today: 5 in flight, 60 a minute, 5,000 a day).
     *
     * @param concurrent   calls in flight at once per organisation
     * @param perWindow    calls per window per organisation
     * @param window       the window perWindow counts in (PT1M; benchmarks shrink it to run Xero's
     *                     limits on a faster clock)
     * @param perDay       calls a day per organisation
     * @param dailyReserve calls of the day kept back for operators' own requests (reports,
     *                     reconnecting); 0: a tenth of per-day
     */
    public record Limits(int concurrent, int perWindow, Duration window, int perDay, int dailyReserve) {

        /** The one the settings bind through. */
        @ConstructorBinding
        public Limits {
        }

        /** Limits with the reserve left to its default (a tenth of the day). */
        public Limits(int concurrent, int perWindow, Duration window, int perDay) {
            this(concurrent, perWindow, window, perDay, 0);
        }
    }

    /** OAuth2 with a user's consent (refresh tokens), not a custom connection. */
    public boolean authorisationCode() {
        return TokenCipher.GRANT.equals(grant);
    }

    public String tokenUrl() {
        return identityUrl + "/connect/token";
    }

    /** Without the client secret: settings end up in messages and logs. */
    @Override
    public String toString() {
        return "XeroSettings[apiUrl=" + apiUrl + ", identityUrl=" + identityUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "(none)" : "****")
                + ", grant=" + grant + ", tenantId=" + tenantId + ", limits=" + limits + "]";
    }
}
