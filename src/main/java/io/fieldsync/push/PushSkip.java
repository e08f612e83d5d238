package io.fieldsync.push;

import java.util.Map;
import java.util.Optional;

import io.fieldsync.state.RecordStatus;

/**
 * A record not sent, and why. RULE skips stand until the record changes; DEPENDENCY skips (an
 * invoice whose customer is not in Xero yet) are looked at again every run.
 */
public record PushSkip(RecordStatus.SkipKind kind, String reason) {

    public static Optional<PushSkip> rule(String reason) {
        return Optional.of(new PushSkip(RecordStatus.SkipKind.RULE, reason));
    }

    public static Optional<PushSkip> waitingFor(String reason) {
        return Optional.of(new PushSkip(RecordStatus.SkipKind.DEPENDENCY, reason));
    }

    /**
     * Empty when {@code dependency} (as {@link PushDocuments#dependencies} gives it) is in Xero;
     * else a DEPENDENCY skip: "{@code who} is not in Xero yet (its problem); {@code follower} follows once it is".
     */
    public static Optional<PushSkip> unlessInXero(Map<String, Object> dependency, String who, String follower) {
        if (dependency != null && dependency.get("xero_id") != null) {
            return Optional.empty();
        }
        Object why = dependency == null ? null : dependency.get("sync_problem");
        return waitingFor(who + " is not in Xero" + (why == null ? " yet" : " (" + why + ")") + "; " + follower
                + " follows once it is");
    }
}
