package io.fieldsync.xero;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access tokens of the authorisation-code connection, shared by every node through the state
 * store. A token close to expiry is refreshed under the row lock of the authorisation: the node
 * that gets the lock first refreshes and stores the new access token and the rotated refresh
 * token in the same transaction; the others, once they get the lock, find the fresh token and use
 * it. So two nodes never spend one refresh token twice (which would break the connection). A
 * refresh Xero refuses (invalid_grant) marks the connection RECONNECT_NEEDED and raises an
 * alert; from then on every call fails at once naming the cause, without asking Xero again.
 */
@Component
public class AuthorisedTokens {

    private static final Logger log = LoggerFactory.getLogger(AuthorisedTokens.class);
    /** Refresh this long before expiry so a token never dies in the middle of a batch. */
    static final Duration EARLY = Duration.ofMinutes(2);
    static final String NOT_CONNECTED = "FieldSync is not connected to Xero: an operator connects it at GET /api/xero/connect";

    private final XeroAuthorisations authorisations;
    private final XeroIdentity identity;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    public AuthorisedTokens(XeroAuthorisations authorisations, XeroIdentity identity, TransactionTemplate transaction,
                            ApplicationEventPublisher events) {
        this(authorisations, identity, transaction, events, Clock.systemUTC());
    }

    AuthorisedTokens(XeroAuthorisations authorisations, XeroIdentity identity, TransactionTemplate transaction,
                     ApplicationEventPublisher events, Clock clock) {
        this.authorisations = authorisations;
        this.identity = identity;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** A valid access token, refreshed first when it is about to expire. */
    public String accessToken() {
        XeroAuthorisations.Authorisation current = authorisations.find()
                .orElseThrow(() -> new XeroConnectionException(NOT_CONNECTED));
        usable(current);
        if (fresh(current)) {
            return authorisations.accessToken(current);
        }
        Outcome outcome = refreshUnderLock(locked -> !fresh(locked));
        if (outcome.accessToken() == null) {
            throw new XeroConnectionException(outcome.refusal());
        }
        return outcome.accessToken();
    }

    /** What {@link #keepAlive} did. */
    public enum KeepAlive { REFRESHED, RECENT, NOTHING_TO_REFRESH }

    /**
     * Refreshes the connection's tokens when their last refresh (or the connection) is older than
     * {@code maxAge}, whether or not a sync needs them: Xero forgets a refresh token left unused for
     * 60 days. One token set serves every organisation the authorisation connects, so this keeps
     * them all. Under the same row lock as any refresh, so a node refreshing meanwhile is not
     * refreshed again. A refused refresh marks the connection RECONNECT_NEEDED and alerts, as any
     * refresh does; Xero out of reach throws ({@link XeroConnectionException}).
     */
    public KeepAlive keepAlive(Duration maxAge) {
        Optional<XeroAuthorisations.Authorisation> current = authorisations.find();
        if (current.isEmpty() || !refreshable(current.get())) {
            return KeepAlive.NOTHING_TO_REFRESH;
        }
        if (!older(current.get(), maxAge)) {
            return KeepAlive.RECENT;
        }
        Outcome outcome = refreshUnderLock(locked -> older(locked, maxAge));
        if (outcome.refusal() != null) {
            throw new XeroConnectionException(outcome.refusal());
        }
        return outcome.refreshed() ? KeepAlive.REFRESHED : KeepAlive.RECENT;
    }

    /** The stored access token is refreshed on the next call. */
    public void expireAccessToken() {
        authorisations.expireAccessToken();
    }

    private record Outcome(String accessToken, String refusal, boolean refusedNow, boolean refreshed) {
    }

    /** Refreshes under the row lock if {@code due} still holds once the lock is held (another node may have refreshed). */
    private Outcome refreshUnderLock(Predicate<XeroAuthorisations.Authorisation> due) {
        Outcome outcome = transaction.execute(status -> {
            XeroAuthorisations.Authorisation locked = authorisations.lock()
                    .orElseThrow(() -> new XeroConnectionException(NOT_CONNECTED));
            usable(locked); // another node may have found it refused meanwhile
            if (!due.test(locked)) {
                // another node refreshed: its token
                return new Outcome(fresh(locked) ? authorisations.accessToken(locked) : null, null, false, false);
            }
            try {
                XeroIdentity.TokenSet tokens = identity.refresh(authorisations.refreshToken(locked));
                if (tokens.refreshToken() == null) {
                    throw new XeroConnectionException("Xero's refresh answer has no refresh token; is offline_access in fieldsync.xero.scopes?");
                }
                authorisations.refreshed(tokens); // committed with the lock: the rotated refresh token is never lost
                log.info("Xero access token refreshed; valid until {}", tokens.expiresAt());
                return new Outcome(tokens.accessToken(), null, false, true);
            } catch (XeroIdentity.RefreshRefusedException refused) {
                String reason = "Xero connection needs reconnecting (reconnect needed): " + refused.getMessage() + " at "
                        + clock.instant() + "; syncs stop until an operator reconnects at GET /api/xero/connect";
                authorisations.reconnectNeeded(reason); // committed, not rolled back: the token is dead
                return new Outcome(null, reason, true, false);
            }
        });
        if (outcome.refusedNow()) {
            log.error(outcome.refusal());
            try {
                events.publishEvent(new XeroConnectionRefused(outcome.refusal()));
            } catch (RuntimeException e) {
                log.warn("The reconnect-needed alert could not be written: {}", e.toString());
            }
        }
        return outcome;
    }

    private static boolean refreshable(XeroAuthorisations.Authorisation authorisation) {
        return (authorisation.status() == XeroAuthorisations.Status.CONNECTED
                || authorisation.status() == XeroAuthorisations.Status.CHOOSE_ORGANISATION)
                && authorisation.refreshTokenSealed() != null;
    }

    /** Last refreshed (or, never refreshed, connected) longer than {@code maxAge} ago. */
    private boolean older(XeroAuthorisations.Authorisation authorisation, Duration maxAge) {
        Instant last = authorisation.refreshedAt() != null ? authorisation.refreshedAt() : authorisation.connectedAt();
        return last == null || !last.isAfter(clock.instant().minus(maxAge));
    }

    private static void usable(XeroAuthorisations.Authorisation authorisation) {
        switch (authorisation.status()) {
            case RECONNECT_NEEDED -> throw new XeroConnectionException(authorisation.message() == null
                    ? "Xero connection needs reconnecting (reconnect needed): an operator reconnects at GET /api/xero/connect"
                    : authorisation.message());
            case NOT_CONNECTED -> throw new XeroConnectionException(NOT_CONNECTED);
            default -> {
                if (authorisation.refreshTokenSealed() == null) {
                    throw new XeroConnectionException(NOT_CONNECTED);
                }
            }
        }
    }

    private boolean fresh(XeroAuthorisations.Authorisation authorisation) {
        Instant expires = authorisation.accessExpiresAt();
        return authorisation.accessTokenSealed() != null && expires != null && clock.instant().isBefore(expires.minus(EARLY));
    }
}
