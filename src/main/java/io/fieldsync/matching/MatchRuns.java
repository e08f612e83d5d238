package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.runs.OrganisationHolds;
import io.fieldsync.settings.MatchingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One matching run of a kind: reads every Xero record and every field-service record, links the
 * exact unambiguous pairs and writes the rest as suggestions (the open ones of an earlier run are
 * proposed afresh; decisions stay). Also tells which materials no Xero item matches at all.
 * Scoring runs outside the organisation's lock (see {@link #run}).
 */
@Component
public class MatchRuns {

    private static final Logger log = LoggerFactory.getLogger(MatchRuns.class);

    public record Outcome(String kind, int xeroRecords, int fsmRecords, int alreadyLinked, List<MatchProposal> linked,
                          int suggested, int awaitingDecision, int unmatched) {
    }

    private final XeroCandidates xero;
    private final FsmCandidates fsm;
    private final MatchSuggestions suggestions;
    private final MatchLinks links;
    private final MatchGuard guard;
    private final TransactionTemplate transaction;
    private final double threshold;

    public MatchRuns(XeroCandidates xero, FsmCandidates fsm, MatchSuggestions suggestions, MatchLinks links, MatchGuard guard,
                     TransactionTemplate transaction, MatchingProperties matching) {
        double threshold = matching.nameThreshold();
        this.xero = xero;
        this.fsm = fsm;
        this.suggestions = suggestions;
        this.links = links;
        this.guard = guard;
        this.transaction = transaction;
        this.threshold = threshold;
    }

    /**
     * Holds the organisation for the whole run (a sync asked for meanwhile is owed and starts after
     * it), reads both sides and scores them without the organisation's lock, then takes the lock
     * only to write. A decision made meanwhile (a link accepted, a pair rejected, a record to be
     * created, an import) changes what is proposed: the run sees it under the lock and scores again.
     */
    public Outcome run(MatchKind kind, String by) {
        OrganisationHolds.Hold hold = guard.holdFor(kind, by);
        try {
            List<XeroCandidates.XeroRecord> inXero = xero.all(kind);
            List<MatchCandidate> inFsm = fsm.all(kind);
            Decided decided = decided(hold.tenant(), kind);
            Pairing pairing = pairing(kind, inXero, inFsm, decided);
            return transaction.execute(status -> {
                long tenant = guard.lockHeld(hold);
                Decided now = decided(tenant, kind);
                Pairing current = now.equals(decided) ? pairing : pairing(kind, inXero, inFsm, now);
                if (current != pairing) {
                    log.info("Matching of {} by {}: decisions changed while it scored; scored again before writing", kind.path(), by);
                }
                return write(tenant, kind, by, inXero.size(), current);
            });
        } finally {
            guard.release(hold);
        }
    }

    private Outcome write(long tenant, MatchKind kind, String by, int xeroRecords, Pairing pairing) {
        suggestions.forgetSuggested(tenant, kind);
        List<MatchProposal> linked = new ArrayList<>();
        int suggested = 0;
        for (MatchProposal proposal : pairing.proposals()) {
            if (proposal.link()) {
                links.link(tenant, kind, proposal.localId(), proposal.xeroId(), proposal.xeroLabel(), proposal.xeroNumber());
                suggestions.add(tenant, kind, proposal.localId(), proposal.localLabel(), proposal.xeroId(), proposal.xeroLabel(),
                        proposal.xeroNumber(), proposal.score(), proposal.reason(), MatchSuggestion.Status.LINKED, by);
                linked.add(proposal);
            } else {
                suggestions.add(tenant, kind, proposal.localId(), proposal.localLabel(), proposal.xeroId(), proposal.xeroLabel(),
                        proposal.xeroNumber(), proposal.score(), proposal.reason(), MatchSuggestion.Status.SUGGESTED, null);
                suggested++;
            }
        }
        Set<Long> proposed = pairing.proposals().stream().map(MatchProposal::localId).collect(Collectors.toSet());
        int awaiting = (int) pairing.proposals().stream().filter(p -> !p.link()).map(MatchProposal::localId).distinct().count();
        Outcome outcome = new Outcome(kind.path(), xeroRecords, pairing.locals().size() + pairing.alreadyLinked(),
                pairing.alreadyLinked(), linked, suggested, awaiting,
                (int) pairing.locals().stream().filter(l -> !proposed.contains(Long.parseLong(l.id()))).count());
        log.info("Matching of {} by {}: {} linked exactly, {} suggestions for {} records, {} without a candidate",
                kind.path(), by, linked.size(), suggested, awaiting, outcome.unmatched());
        return outcome;
    }

    /** What one run would propose, and from what. */
    record Pairing(List<MatchCandidate> locals, int alreadyLinked, List<MatchProposal> proposals) {
    }

    /**
     * What people and earlier runs decided that a run's proposals depend on: the links (the
     * kind's, and for contacts the vendors' supplier contacts), records to be created, rejected pairs.
     */
    record Decided(Map<String, Long> linkedXero, Map<String, Long> suppliers, Set<Long> toCreate, Set<String> rejected) {
    }

    Decided decided(long tenant, MatchKind kind) {
        return new Decided(links.byXeroId(tenant, kind.entity()),
                kind == MatchKind.CONTACTS ? links.byXeroId(tenant, "vendor") : Map.of(),
                suggestions.toCreate(tenant, kind), suggestions.rejectedPairs(tenant, kind));
    }

    /**
     * Field-service records not linked and not decided (to be created) against Xero records
     * linked to none of them; a contact that is a vendor's supplier contact is only suggested.
     */
    Pairing pairing(MatchKind kind, List<XeroCandidates.XeroRecord> inXero, List<MatchCandidate> all, Decided decided) {
        Set<Long> linkedLocal = Set.copyOf(decided.linkedXero().values());
        List<MatchCandidate> locals = all.stream()
                .filter(c -> !linkedLocal.contains(Long.parseLong(c.id())) && !decided.toCreate().contains(Long.parseLong(c.id()))).toList();
        Map<String, Long> suppliers = decided.suppliers();
        List<MatchCandidate> candidates = inXero.stream().map(XeroCandidates.XeroRecord::candidate)
                .filter(c -> !decided.linkedXero().containsKey(c.id()))
                .map(c -> suppliers.containsKey(c.id()) ? new MatchCandidate(c.id(), c.number(), c.otherNumber(), c.name(),
                        c.email(), c.taxNumber(), c.archived(), "the supplier contact of vendor " + suppliers.get(c.id())) : c)
                .toList();
        int alreadyLinked = (int) all.stream().filter(c -> linkedLocal.contains(Long.parseLong(c.id()))).count();
        return new Pairing(locals, alreadyLinked, new Matcher(kind, threshold).propose(locals, candidates, decided.rejected()));
    }

    /**
     * Materials without a Xero partner: not linked, no Xero item matching them even by a similar
     * name, no open suggestion and no decision to create them. Reads Xero's items; writes nothing.
     */
    public List<MatchCandidate> unmatchedMaterials(long tenant) {
        Pairing pairing = pairing(MatchKind.ITEMS, xero.all(MatchKind.ITEMS), fsm.all(MatchKind.ITEMS), decided(tenant, MatchKind.ITEMS));
        Set<Long> proposed = pairing.proposals().stream().map(MatchProposal::localId).collect(Collectors.toSet());
        Set<Long> waiting = suggestions.suggestedFor(tenant, MatchKind.ITEMS,
                pairing.locals().stream().map(c -> Long.parseLong(c.id())).toList()).keySet();
        Map<Long, MatchCandidate> unmatched = new LinkedHashMap<>();
        pairing.locals().stream().filter(c -> !proposed.contains(Long.parseLong(c.id())) && !waiting.contains(Long.parseLong(c.id())))
                .forEach(c -> unmatched.put(Long.parseLong(c.id()), c));
        return List.copyOf(unmatched.values());
    }
}
