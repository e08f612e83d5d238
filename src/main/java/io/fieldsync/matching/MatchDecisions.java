package io.fieldsync.matching;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.sql.DataSource;

import io.fieldsync.state.RecordActionRefusedException;
import io.fieldsync.state.RecordActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a person decides about a field-service record: it is this Xero record (the suggested one,
 * or another: a change), it is not (reject), or it is new to Xero (create). Each decision is
 * recorded and the record is pushed in the next run accordingly: linked ones update their Xero
 * record, created ones become new Xero records, and a waiting customer's invoices follow.
 */
@Component
public class MatchDecisions {

    private static final Logger log = LoggerFactory.getLogger(MatchDecisions.class);

    private final FsmCandidates fsm;
    private final XeroCandidates xero;
    private final MatchSuggestions suggestions;
    private final MatchLinks links;
    private final MatchGuard guard;
    private final RecordActions records;
    private final TransactionTemplate transaction;
    private final JdbcTemplate source;
    private final JdbcTemplate state;

    public MatchDecisions(FsmCandidates fsm, XeroCandidates xero, MatchSuggestions suggestions, MatchLinks links,
                          MatchGuard guard, RecordActions records, TransactionTemplate transaction,
                          @Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts, JdbcTemplate state) {
        this.fsm = fsm;
        this.xero = xero;
        this.suggestions = suggestions;
        this.links = links;
        this.guard = guard;
        this.records = records;
        this.transaction = transaction;
        this.source = timeouts.jdbcTemplate(source);
        this.state = state;
    }

    /**
     * Links the record to {@code xeroId}, or with none to its one open suggestion. Refused when the
     * Xero record is linked to another field-service record, or this one to another Xero record.
     */
    public List<MatchSuggestion> accept(MatchKind kind, long localId, String xeroId, String by) {
        guard.noSyncRunning();
        MatchCandidate local = local(kind, localId);
        long tenantId = guard.tenant();
        List<MatchSuggestion> open = suggestions.ofRecord(tenantId, kind, localId).stream()
                .filter(s -> s.status() == MatchSuggestion.Status.SUGGESTED).toList();
        String chosen = xeroId != null && !xeroId.isBlank() ? xeroId.trim() : onlySuggestion(kind, localId, open);
        Optional<MatchSuggestion> suggested = open.stream().filter(s -> chosen.equals(s.xeroId())).findFirst();
        String label;
        String number;
        if (suggested.isPresent()) {
            label = suggested.get().xeroLabel();
            number = suggested.get().xeroNumber();
        } else {
            MatchCandidate other = xero.one(kind, chosen).map(XeroCandidates.XeroRecord::candidate)
                    .orElseThrow(() -> new IllegalArgumentException("Xero has no " + kind.remote().substring(5) + " with id " + chosen));
            label = other.label();
            number = kind.linkNumber(other);
        }
        transaction.executeWithoutResult(status -> {
            long tenant = guard.lockTenant();
            links.link(tenant, kind, localId, chosen, label, number);
            if (suggested.isPresent()) {
                suggestions.decide(tenant, kind, localId, chosen, MatchSuggestion.Status.SUGGESTED, MatchSuggestion.Status.ACCEPTED, by);
            } else {
                suggestions.add(tenant, kind, localId, local.label(), chosen, label, number, 1.0,
                        open.isEmpty() ? "chosen by " + by : "chosen by " + by + " instead of the suggestions",
                        MatchSuggestion.Status.ACCEPTED, by);
            }
            suggestions.decide(tenant, kind, localId, null, MatchSuggestion.Status.SUGGESTED, MatchSuggestion.Status.REJECTED, by);
        });
        pushAgain(kind, localId, by);
        log.info("{} {} matched to {} {} by {}", kind.local(), localId, kind.remote(), chosen, by);
        return suggestions.ofRecord(tenantId, kind, localId);
    }

    /**
     * Rejects one suggestion ({@code xeroId}) or all open ones; a link matching made (exact or
     * accepted) is undone too, unless invoices went to Xero under it. A record left without
     * suggestions is created in Xero by the next push.
     */
    public List<MatchSuggestion> reject(MatchKind kind, long localId, String xeroId, String by) {
        guard.noSyncRunning();
        local(kind, localId);
        String only = xeroId == null || xeroId.isBlank() ? null : xeroId.trim();
        boolean[] unlinked = {false};
        long tenantId = transaction.execute(status -> {
            long tenant = guard.lockTenant();
            int rejected = suggestions.decide(tenant, kind, localId, only, MatchSuggestion.Status.SUGGESTED,
                    MatchSuggestion.Status.REJECTED, by);
            Optional<String> link = links.xeroIdOf(tenant, kind, localId);
            boolean ours = link.isPresent() && (only == null || only.equals(link.get())) && rejected == 0
                    && suggestions.ofRecord(tenant, kind, localId).stream().anyMatch(s -> link.get().equals(s.xeroId())
                    && (s.status() == MatchSuggestion.Status.LINKED || s.status() == MatchSuggestion.Status.ACCEPTED));
            if (ours) {
                refuseSplittingInvoices(tenant, kind, localId, link.get());
                links.unlink(tenant, kind, localId);
                for (MatchSuggestion.Status was : List.of(MatchSuggestion.Status.LINKED, MatchSuggestion.Status.ACCEPTED)) {
                    suggestions.decide(tenant, kind, localId, link.get(), was, MatchSuggestion.Status.REJECTED, by);
                }
                unlinked[0] = true;
            } else if (rejected == 0) {
                throw new NoSuchElementException(MatchLinks.capitalised(kind.local()) + " " + localId + " has "
                        + (only == null ? "no open suggestion" : "no suggestion or matching link of " + kind.remote() + " " + only)
                        + " to reject");
            }
            return tenant;
        });
        if (unlinked[0]) {
            pushAgain(kind, localId, by);
        }
        log.info("{} {}: {} rejected by {}", kind.local(), localId, only == null ? "suggestions" : only, by);
        return suggestions.ofRecord(tenantId, kind, localId);
    }

    /** The record is new to Xero: open suggestions are rejected and the next push creates it. */
    public List<MatchSuggestion> create(MatchKind kind, long localId, String by) {
        guard.noSyncRunning();
        MatchCandidate local = local(kind, localId);
        long tenantId = transaction.execute(status -> {
            long tenant = guard.lockTenant();
            Optional<String> link = links.xeroIdOf(tenant, kind, localId);
            if (link.isPresent()) {
                throw new MatchRefusedException(MatchLinks.capitalised(kind.local()) + " " + localId + " is linked to "
                        + kind.remote() + " " + link.get() + " already; reject that link first to create a new one",
                        link.get(), localId);
            }
            suggestions.decide(tenant, kind, localId, null, MatchSuggestion.Status.SUGGESTED, MatchSuggestion.Status.REJECTED, by);
            if (!suggestions.toCreate(tenant, kind).contains(localId)) {
                suggestions.add(tenant, kind, localId, local.label(), null, null, null, 0, "a new " + kind.remote()
                        + ", decided by " + by, MatchSuggestion.Status.CREATE, by);
            }
            return tenant;
        });
        pushAgain(kind, localId, by);
        log.info("{} {} to be created in Xero, decided by {}", kind.local(), localId, by);
        return suggestions.ofRecord(tenantId, kind, localId);
    }

    /** The record goes in the next run even if it did not change: its link (or its absence) is new. */
    private void pushAgain(MatchKind kind, long localId, String by) {
        try {
            records.resync(kind.entity(), localId, by + " (matching)");
        } catch (RecordActionRefusedException awaited) {
            // sent without an answer yet: the next run looks it up anyway
        }
    }

    /** A customer whose invoices are in Xero under this contact keeps it: unlinking would split its history. */
    private void refuseSplittingInvoices(long tenant, MatchKind kind, long localId, String xeroId) {
        if (kind != MatchKind.CONTACTS) {
            return;
        }
        List<Long> invoices = source.queryForList("select id from invoices where customer_id = ?", Long.class, localId);
        if (invoices.isEmpty()) {
            return;
        }
        Integer exported = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(state).queryForObject(
                "select count(*) from record_link where tenant_ref = :tenant and entity = 'invoice' and local_id in (:ids)",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("tenant", tenant).addValue("ids", invoices),
                Integer.class);
        if (exported != null && exported > 0) {
            throw new MatchRefusedException("Customer " + localId + " has " + exported + " invoice(s) in Xero under contact "
                    + xeroId + "; unlinking it would split its history between two contacts: change the contact in Xero instead",
                    xeroId, localId);
        }
    }

    private MatchCandidate local(MatchKind kind, long localId) {
        return fsm.one(kind, localId).orElseThrow(() -> new NoSuchElementException("No " + kind.local() + " " + localId
                + " in the field-service database (or it is soft-deleted)"));
    }

    private static String onlySuggestion(MatchKind kind, long localId, List<MatchSuggestion> open) {
        if (open.isEmpty()) {
            throw new NoSuchElementException(MatchLinks.capitalised(kind.local()) + " " + localId
                    + " has no open suggestion; name the " + kind.remote() + " to link: {\"xeroId\": \"...\"}");
        }
        if (open.size() > 1) {
            throw new IllegalArgumentException(MatchLinks.capitalised(kind.local()) + " " + localId + " has " + open.size()
                    + " suggestions; name the one to accept as xeroId: " + String.join(", ",
                    open.stream().map(s -> s.xeroId() + " (" + s.xeroLabel() + ")").toList()));
        }
        return open.get(0).xeroId();
    }
}
