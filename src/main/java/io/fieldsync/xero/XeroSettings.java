package io.fieldsync.xero;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fieldsync.xero.*}: where Xero is and how the connector identifies itself to it. */
@ConfigurationProperties("fieldsync.xero")
public record XeroSettings(String apiUrl, String identityUrl, String authorizeUrl, String connectionsUrl,
                           String clientId, String clientSecret, String grant, String scopes,
                           String tenantId, Limits limits) {

    /** Xero's limits the rate governor keeps to. */
    public record Limits(int concurrent, int perWindow, Duration window, int perDay) {
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
