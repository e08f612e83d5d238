package io.fieldsync.xero;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.xero.*} beyond where Xero is ({@link XeroSettings}): batches, redelivery,
 * the OAuth2 connect flow's own settings and Xero's webhooks. Defaults: application.yml.
 *
 * @param batchSize        elements sent in one Xero call at most (Xero takes up to 50 a request)
 * @param batchBytes       bytes of one Xero request body at most (Xero refuses bodies over 3.5 MB)
 * @param redirectUri      authorization_code only: where Xero sends the browser back, exactly as
 *                         registered with the Xero app
 * @param tokenKey         authorization_code only: base64 AES key (16, 24 or 32 bytes) that encrypts
 *                         the tokens in the state store; a secret: set it in the environment
 *                         (FIELDSYNC_XERO_TOKEN_KEY), and keep it: a new key means reconnecting
 * @param authorizeTimeout authorization_code only: how long a connect request (its state and PKCE
 *                         verifier) waits for Xero's redirect
 * @param webhookKey       the Xero app's webhook key, which signs Xero's calls to POST
 *                         /api/xero/webhooks; empty: every webhook is refused (401); a secret
 * @param webhookDelay     a contact or invoice webhook starts a sync this long after the first
 *                         event; events until then join that sync
 * @param retry            how transient faults and 429s are sent again
 */
@Validated
@ConfigurationProperties("fieldsync.xero")
public record XeroClientProperties(@NotNull @Positive Integer batchSize,
                                   @NotNull @Positive Integer batchBytes,
                                   String redirectUri,
                                   String tokenKey,
                                   @NotNull Duration authorizeTimeout,
                                   String webhookKey,
                                   @NotNull Duration webhookDelay,
                                   @NotNull @Valid Retry retry) {

    /**
     * Transient faults (5xx, no answer, unreadable answers) go again redeliveries times, waiting
     * initial-delay-ms, doubling up to max-delay-ms (at least what Retry-After asks); 429s go again
     * as soon as the rate governor allows, up to rate-limited-redeliveries times; then the batch is
     * kept as a dead letter and the run ends FAILED (routes/xero-error-handling.camel.yaml).
     *
     * @param redeliveries             times a transiently failed call is sent again
     * @param initialDelayMs           wait before the first redelivery, in milliseconds
     * @param maxDelayMs               the longest wait between redeliveries, in milliseconds
     * @param rateLimitedRedeliveries  times a call Xero answered 429 is sent again
     */
    public record Retry(@NotNull @Min(0) Integer redeliveries,
                        @NotNull @Min(0) Long initialDelayMs,
                        @NotNull @Min(0) Long maxDelayMs,
                        @NotNull @Min(0) Integer rateLimitedRedeliveries) {
    }

    /** Without the secrets: settings end up in messages and logs. */
    @Override
    public String toString() {
        return "XeroClientProperties[batchSize=" + batchSize + ", batchBytes=" + batchBytes + ", redirectUri=" + redirectUri
                + ", authorizeTimeout=" + authorizeTimeout + ", webhookDelay=" + webhookDelay + ", retry=" + retry + "]";
    }
}
