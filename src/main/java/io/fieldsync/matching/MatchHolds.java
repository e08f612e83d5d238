package io.fieldsync.matching;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fieldsync.push.PushHolds;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;

/**
 * Unlinked customers and materials with open suggestions wait for a person: pushing one would
 * create a second copy of what Xero already has. The push asks here, per page, which of its
 * records wait, and why (the suggested Xero records), and skips them (and a waiting customer's
 * invoices) until a person accepts, rejects or creates.
 */
@Component("matchHolds")
public class MatchHolds implements PushHolds {

    private final XeroConnection connection;
    private final MatchSuggestions suggestions;

    public MatchHolds(XeroConnection connection, MatchSuggestions suggestions) {
        this.connection = connection;
        this.suggestions = suggestions;
    }

    /**
     * The records of the push entity ({@code contact}, {@code item}; other entities wait for
     * nothing) that await a decision, with what was suggested: "suggested Xero contact 'Acme' (0.93)".
     */
    @Override
    public Map<Long, String> awaiting(String entity, Collection<Long> localIds) {
        MatchKind kind = MatchKind.ofEntity(entity);
        if (kind == null || localIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<MatchSuggestion>> open = suggestions.suggestedFor(connection.currentTenant().getId(), kind, localIds);
        Map<Long, String> waiting = new LinkedHashMap<>();
        open.forEach((localId, candidates) -> waiting.put(localId, "suggested " + kind.remote() + " "
                + candidates.stream().map(s -> "'" + s.xeroLabel() + "' (" + s.score().stripTrailingZeros().toPlainString() + ")")
                .collect(Collectors.joining(", "))));
        return waiting;
    }

    /** The skip reason of a waiting record itself. */
    @Override
    public String reason(String entity, Object localId, Object awaiting) {
        MatchKind kind = MatchKind.ofEntity(entity);
        return kind.local().substring(0, 1).toUpperCase() + kind.local().substring(1) + " " + localId
                + " awaits a matching decision (" + awaiting + "): accept, change or reject it, or create it instead"
                + " (POST /api/matching/" + kind.path() + "/" + localId + "/accept|reject|create)";
    }
}
