package io.fieldsync.xero;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.xero.token-refresh.*} (authorisation code only): every {@code check-every} one
 * node of the cluster refreshes the connection's tokens when their last refresh is older than
 * {@code after}, so a refresh token no sync used (an organisation synced rarely, or paused) is
 * renewed well before Xero forgets it at 60 days. Defaults: application.yml.
 *
 * @param checkEvery how often one node looks at the tokens' age (at least PT1M)
 * @param after      tokens no sync refreshed for this long are refreshed; after plus two
 *                   check-every must stay under Xero's 60 days
 */
@Validated
@ConfigurationProperties("fieldsync.xero.token-refresh")
public record TokenRefreshSettings(@NotNull Duration checkEvery,
                                   @NotNull Duration after) {

    /** Xero forgets a refresh token unused this long. */
    public static final Duration XERO_REFRESH_TOKEN_LIFETIME = Duration.ofDays(60);

    public TokenRefreshSettings {
        if (checkEvery != null && checkEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("fieldsync.xero.token-refresh.check-every must be at least PT1M, not " + checkEvery);
        }
        // two checks must fit before Xero's expiry, so one missed check (every node down) is not fatal
        if (after != null && checkEvery != null
                && after.plus(checkEvery.multipliedBy(2)).compareTo(XERO_REFRESH_TOKEN_LIFETIME) >= 0) {
            throw new IllegalArgumentException("fieldsync.xero.token-refresh.after (" + after + ") plus two check-every ("
                    + checkEvery + ") must stay well under Xero's 60 days");
        }
    }
}
