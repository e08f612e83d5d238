package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.settings.MatchingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One matching run of a kind: reads every Xero record and every field-service record, links the
 * exact unambiguous pairs and writes the rest as suggestions (the open ones of an earlier run are
 * proposed afresh; decisions stay). Also tells which materials no Xero item matches at all.
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

    public Outcome run(MatchKind kind, String by) {
        guard.noSyncRunning();
        List<XeroCandidates.XeroRecord> inXero = xero.all(kind); // before any lock: Xero may take its time
        return transaction.execute(status -> {
            long tenant = guard.lockTenant();
            Pairing pairing = pairing(tenant, kind, inXero);
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
            Outcome outcome = new Outcome(kind.path(), inXero.size(), pairing.locals().size() + pairing.alreadyLinked(),
                    pairing.alreadyLinked(), linked, suggested, awaiting,
                    (int) pairing.locals().stream().filter(l -> !proposed.contains(Long.parseLong(l.id()))).count());
            log.info("Matching of {} by {}: {} linked exactly, {} suggestions for {} records, {} without a candidate",
                    kind.path(), by, linked.size(), suggested, awaiting, outcome.unmatched());
            return outcome;
        });
    }

    /** What one run would propose, and from what. */
    record Pairing(List<MatchCandidate> locals, int alreadyLinked, List<MatchProposal> proposals) {
    }

    /**
     * Field-service records not linked and not decided (to be created) against Xero records
     * linked to none of them; a contact that is a vendor's supplier contact is only suggested.
     */
    Pairing pairing(long tenant, MatchKind kind, List<XeroCandidates.XeroRecord> inXero) {
        Map<String, Long> linkedXero = links.byXeroId(tenant, kind.entity());
        Set<Long> linkedLocal = Set.copyOf(linkedXero.values());
        Set<Long> toCreate = suggestions.toCreate(tenant, kind);
        List<MatchCandidate> all = fsm.all(kind);
        List<MatchCandidate> locals = all.stream()
                .filter(c -> !linkedLocal.contains(Long.parseLong(c.id())) && !toCreate.contains(Long.parseLong(c.id()))).toList();
        Map<String, Long> suppliers = kind == MatchKind.CONTACTS ? links.byXeroId(tenant, "vendor") : Map.of();
        List<MatchCandidate> candidates = inXero.stream().map(XeroCandidates.XeroRecord::candidate)
                .filter(c -> !linkedXero.containsKey(c.id()))
                .map(c -> suppliers.containsKey(c.id()) ? new MatchCandidate(c.id(), c.number(), c.otherNumber(), c.name(),
                        c.email(), c.taxNumber(), c.archived(), "the supplier contact of vendor " + suppliers.get(c.id())) : c)
                .toList();
        int alreadyLinked = (int) all.stream().filter(c -> linkedLocal.contains(Long.parseLong(c.id()))).count();
        return new Pairing(locals, alreadyLinked,
                new Matcher(kind, threshold).propose(locals, candidates, suggestions.rejectedPairs(tenant, kind)));
    }

    /**
     * Materials without a Xero partner: not linked, no Xero item matching them even by a similar
     * name, no open suggestion and no decision to create them. Reads Xero's items; writes nothing.
     */
    public List<MatchCandidate> unmatchedMaterials(long tenant) {
        Pairing pairing = pairing(tenant, MatchKind.ITEMS, xero.all(MatchKind.ITEMS));
        Set<Long> proposed = pairing.proposals().stream().map(MatchProposal::localId).collect(Collectors.toSet());
        Set<Long> waiting = suggestions.suggestedFor(tenant, MatchKind.ITEMS,
                pairing.locals().stream().map(c -> Long.parseLong(c.id())).toList()).keySet();
        Map<Long, MatchCandidate> unmatched = new LinkedHashMap<>();
        pairing.locals().stream().filter(c -> !proposed.contains(Long.parseLong(c.id())) && !waiting.contains(Long.parseLong(c.id())))
                .forEach(c -> unmatched.put(Long.parseLong(c.id()), c));
        return List.copyOf(unmatched.values());
    }
}
