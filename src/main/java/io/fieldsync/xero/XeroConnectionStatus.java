package io.fieldsync.xero;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where the connection to Xero stands, from the last real call rather than from what was once
 * configured: RECONNECT_NEEDED when Xero refused the refresh token (or a custom connection's
 * credentials), UNREACHABLE (since when, why) when the last call found Xero's API or token
 * endpoint out of reach, else what the authorisation says (CONNECTED, CHOOSE_ORGANISATION,
 * NOT_CONNECTED). The operator API and the {@code xero} health group both show this.
 */
@Component
public class XeroConnectionStatus {

    public enum Status { CONNECTED, CHOOSE_ORGANISATION, RECONNECT_NEEDED, UNREACHABLE, NOT_CONNECTED }

    /**
     * @param since   when Xero was first found out of reach (UNREACHABLE), else null
     * @param lastAt  when the last call found it so (UNREACHABLE), else null
     */
    public record Now(Status status, String message, Instant since, Instant lastAt) {
    }

    private final XeroSettings settings;
    private final XeroAuthorisations authorisations;
    private final XeroReachability reachability;

    public XeroConnectionStatus(XeroSettings settings, XeroAuthorisations authorisations, XeroReachability reachability) {
        this.settings = settings;
        this.authorisations = authorisations;
        this.reachability = reachability;
    }

    public Now now() {
        Optional<XeroReachability.Seen> last = reachability.last();
        if (settings.authorisationCode()) {
            Optional<XeroAuthorisations.Authorisation> authorisation = authorisations.find();
            XeroAuthorisations.Status stored = authorisation.map(XeroAuthorisations.Authorisation::status)
                    .orElse(XeroAuthorisations.Status.NOT_CONNECTED);
            String message = authorisation.map(XeroAuthorisations.Authorisation::message).orElse(null);
            if (stored != XeroAuthorisations.Status.RECONNECT_NEEDED && stored != XeroAuthorisations.Status.NOT_CONNECTED) {
                Optional<Now> unreachable = unreachable(last);
                if (unreachable.isPresent()) {
                    return unreachable.get();
                }
            }
            return new Now(Status.valueOf(stored.name()), message, null, null);
        }
        if (last.isPresent() && last.get().outcome() == XeroReachability.Outcome.REFUSED) {
            return new Now(Status.RECONNECT_NEEDED, last.get().reason(), null, null);
        }
        return unreachable(last).orElseGet(() -> new Now(Status.CONNECTED,
                "Xero custom connection (client credentials): connected while Xero takes the client id and secret", null, null));
    }

    private static Optional<Now> unreachable(Optional<XeroReachability.Seen> last) {
        return last.filter(seen -> seen.outcome() == XeroReachability.Outcome.UNREACHABLE)
                .map(seen -> new Now(Status.UNREACHABLE, seen.reason(), seen.since(), seen.lastAt()));
    }
}
