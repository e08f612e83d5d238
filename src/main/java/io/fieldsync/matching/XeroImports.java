package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Xero records no field-service record stands for become field-service records (customers from
 * contacts, materials from items), linked to them; and, when a person chooses, materials no Xero
 * item stands for are soft-deleted. A Xero record that is linked, suggested to a field-service
 * record (a decision pending) or archived is not imported.
 */
@Component
public class XeroImports {

    private static final Logger log = LoggerFactory.getLogger(XeroImports.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Imported(Long localId, String xeroId, String name, String reason) {
    }

    public record Outcome(String kind, List<Imported> imported, List<Imported> notImported) {
    }

    public record Removal(boolean dryRun, List<Map<String, Object>> removed) {
    }

    private final XeroCandidates xero;
    private final FsmImports fsm;
    private final MatchSuggestions suggestions;
    private final MatchLinks links;
    private final MatchGuard guard;
    private final MatchRuns runs;
    private final TransactionTemplate transaction;

    public XeroImports(XeroCandidates xero, FsmImports fsm, MatchSuggestions suggestions, MatchLinks links, MatchGuard guard,
                       MatchRuns runs, TransactionTemplate transaction) {
        this.xero = xero;
        this.fsm = fsm;
        this.suggestions = suggestions;
        this.links = links;
        this.guard = guard;
        this.runs = runs;
        this.transaction = transaction;
    }

    /** @param only the Xero ids to import; null or empty: every one without a partner */
    public Outcome importUnpartnered(MatchKind kind, Collection<String> only, String by) {
        guard.noSyncRunning();
        List<XeroCandidates.XeroRecord> inXero = xero.all(kind);
        Set<String> wanted = only == null || only.isEmpty() ? null : new HashSet<>(only);
        List<Imported> imported = new ArrayList<>();
        List<Imported> notImported = new ArrayList<>();
        long tenantId = guard.tenant();
        Map<String, Long> linked = links.byXeroId(tenantId, kind.entity());
        Map<String, Long> suppliers = kind == MatchKind.CONTACTS ? links.byXeroId(tenantId, "vendor") : Map.of();
        Set<String> suggested = suggestions.suggestedXeroIds(tenantId, kind);
        for (XeroCandidates.XeroRecord record : inXero) {
            MatchCandidate candidate = record.candidate();
            if (wanted != null && !wanted.remove(candidate.id())) {
                continue;
            }
            if (wanted == null && linked.containsKey(candidate.id())) {
                continue; // the usual case by far: not worth a transaction
            }
            // one at a time, each under the organisation's lock: a second importer sees the link and passes
            Imported outcome = transaction.execute(status -> {
                long tenant = guard.lockTenant();
                Optional<String> refusal = refusal(tenant, kind, record, suppliers, suggested);
                if (refusal.isPresent()) {
                    return new Imported(null, candidate.id(), candidate.name(), refusal.get());
                }
                long localId = fsm.insert(kind, record.json());
                links.link(tenant, kind, localId, candidate.id(), candidate.label(), kind.linkNumber(candidate));
                suggestions.add(tenant, kind, localId, candidate.label(), candidate.id(), candidate.label(),
                        kind.linkNumber(candidate), 1.0, "imported from Xero by " + by, MatchSuggestion.Status.IMPORTED, by);
                return new Imported(localId, candidate.id(), candidate.name(), null);
            });
            (outcome.localId() == null ? notImported : imported).add(outcome);
        }
        if (wanted != null) {
            wanted.forEach(id -> notImported.add(new Imported(null, id, null, "Xero has no " + kind.remote().substring(5) + " " + id)));
        }
        log.info("Import of {} by {}: {} imported, {} not", kind.path(), by, imported.size(), notImported.size());
        return new Outcome(kind.path(), imported, notImported);
    }

    /** Why the Xero record is not imported; its link is looked at again under the lock. */
    private Optional<String> refusal(long tenant, MatchKind kind, XeroCandidates.XeroRecord record,
                                     Map<String, Long> suppliers, Set<String> suggested) {
        MatchCandidate candidate = record.candidate();
        Optional<Long> linked = links.localIdOf(tenant, kind.entity(), candidate.id());
        if (linked.isPresent()) {
            return Optional.of("linked to " + kind.local() + " " + linked.get() + " already");
        }
        if (suppliers.containsKey(candidate.id())) {
            return Optional.of("the supplier contact of vendor " + suppliers.get(candidate.id()));
        }
        if (candidate.archived()) {
            return Optional.of("archived in Xero");
        }
        if (suggested.contains(candidate.id())) {
            return Optional.of("suggested for a " + kind.local() + ": decide that suggestion first");
        }
        return fsm.refusal(kind, record.json());
    }

    /** Materials no Xero item stands for: listed, and with {@code dryRun} false soft-deleted. */
    public Removal removeUnmatchedMaterials(boolean dryRun, String by) {
        guard.noSyncRunning();
        long tenant = guard.tenant();
        List<MatchCandidate> unmatched = runs.unmatchedMaterials(tenant);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (MatchCandidate material : unmatched) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("localId", Long.parseLong(material.id()));
            row.put("sku", material.number());
            row.put("name", material.name());
            listed.add(row);
        }
        if (!dryRun) {
            int removed = fsm.softDelete(unmatched.stream().map(m -> Long.parseLong(m.id())).toList());
            log.info("{} materials without a Xero item soft-deleted by {}", removed, by);
        }
        return new Removal(dryRun, listed);
    }
}
