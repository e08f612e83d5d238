package io.fieldsync.state;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one field-service record stands with Xero, and why. */
@Entity
@Table(name = "record_status")
public class RecordStatus {

    public enum Outcome { SYNCED, FAILED, SKIPPED, PENDING }

    /** Size of the message and warnings columns: a longer text is cut rather than failing the whole write. */
    static final int TEXT_COLUMN = 4000;

    /** Why a record was skipped: a rule (looked at again when it changes) or a missing dependency (every run). */
    /**
     * Why a record is not sent. RULE: until it changes; DEPENDENCY: looked at again every run;
     * OPERATOR: until it changes, by an operator's choice; GONE: its row left the field-service
     * database (or no longer qualifies), so nothing can change its outcome until the row changes.
     */
    public enum SkipKind { RULE, DEPENDENCY, OPERATOR, GONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_ref", nullable = false)
    private Long tenantRef;

    @Column(nullable = false)
    private String entity;

    @Column(name = "local_id", nullable = false)
    private Long localId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome status;

    /** Xero's own words for FAILED, the reason for SKIPPED. */
    private String message;

    private String warnings;

    @Column(name = "failure_count", nullable = false)
    private int failureCount;

    @Column(name = "last_run_id")
    private Long lastRunId;

    @Column(name = "synced_at")
    private Instant syncedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "skip_kind")
    private SkipKind skipKind;

    @Column(name = "resync_requested_at")
    private Instant resyncRequestedAt;

    protected RecordStatus() {
    }

    public RecordStatus(Long tenantRef, String entity, Long localId) {
        this.tenantRef = tenantRef;
        this.entity = entity;
        this.localId = localId;
        this.status = Outcome.PENDING;
        this.updatedAt = Instant.now();
    }

    public void record(Outcome outcome, String message, Long runId) {
        this.skipKind = null;
        this.resyncRequestedAt = null;
        this.attemptedAt = null;
        this.status = outcome;
        this.message = fitted(message);
        this.lastRunId = runId;
        this.updatedAt = Instant.now();
        this.failureCount = outcome == Outcome.FAILED ? failureCount + 1 : 0;
        if (outcome == Outcome.SYNCED) {
            this.syncedAt = updatedAt;
        }
    }

    public void warn(String warnings) {
        this.warnings = fitted(warnings);
    }

    /**
     * A text cut to the column, saying how much was left out: one record with hundreds of
     * problems must not fail the write of its whole page.
     */
    static String fitted(String text) {
        if (text == null || text.length() <= TEXT_COLUMN) {
            return text;
        }
        int end = TEXT_COLUMN - 60; // room for the tail below, whatever the count
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String tail = " ... (" + (text.length() - end) + " more characters not kept)";
        return text.substring(0, end) + tail;
    }

    public void skip(SkipKind kind, String reason, Long runId) {
        record(Outcome.SKIPPED, reason, runId);
        this.skipKind = kind;
        this.contentHash = null;
    }

    /**
     * An operator asked for the record to go to Xero again: PENDING until the next run sends it,
     * even when nothing changed (the remembered payload is forgotten).
     */
    public void resyncRequested(String by) {
        this.status = Outcome.PENDING;
        this.message = "Re-sync requested by " + by;
        this.contentHash = null;
        this.skipKind = null;
        this.resyncRequestedAt = Instant.now();
        this.updatedAt = resyncRequestedAt;
    }

    /** An operator chose not to send the record: SKIPPED until it changes in the field-service system. */
    public void skippedByOperator(String by, String reason) {
        skip(SkipKind.OPERATOR, "Skipped by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason), lastRunId);
    }

    /** Skipped by an operator and not changed in the field-service system since: it stays skipped. */
    public boolean heldBySkip(Instant changedAt) {
        return status == Outcome.SKIPPED && skipKind == SkipKind.OPERATOR
                && changedAt != null && !changedAt.isAfter(updatedAt);
    }

    /**
     * Xero refused the look-up of a record sent without an answer: FAILED with Xero's words, its
     * attempt still marked, so it is neither created again blindly nor forgotten: the next run
     * looks it up again.
     */
    public void lookUpRefused(String message, Long runId) {
        this.skipKind = null;
        this.status = Outcome.FAILED;
        this.message = fitted(message);
        this.lastRunId = runId;
        this.updatedAt = Instant.now();
    }

    /**
     * Whether each run looks at it again, whatever the watermark (as {@link RecordStatusRepository#revisits}
     * selects): skipped for a missing dependency, sent without an answer, or marked for re-sync.
     */
    public boolean lookedAtAgain() {
        return skipKind != SkipKind.GONE
                && (skipKind == SkipKind.DEPENDENCY || attemptedAt != null || resyncRequestedAt != null);
    }

    /**
     * Its row is no longer one the push reads (deleted, or it no longer qualifies): it leaves the
     * records looked at again. One sent without an answer keeps its attempt and FAILS, as Xero may
     * hold it: if the row comes back, it is looked up in Xero before it is sent again.
     */
    public void goneFromSource(String label, Long runId) {
        if (attemptedAt == null) {
            skip(SkipKind.GONE, label + " is no longer in the field-service database, or no longer one FieldSync sends"
                    + " (deleted, or changed so that it does not qualify): not looked at again until it changes", runId);
            return;
        }
        this.status = Outcome.FAILED;
        this.skipKind = SkipKind.GONE;
        this.resyncRequestedAt = null;
        this.message = fitted(label + " was sent to Xero without an answer, then left the field-service database (deleted,"
                + " or changed so that it does not qualify): Xero may hold it, check there. If it comes back it is looked up"
                + " in Xero before it is sent again");
        this.lastRunId = runId;
        this.updatedAt = Instant.now();
    }

    /** Written (and committed) before the payload goes to Xero, so a lost answer is noticed later. */
    public void attempting(String payloadHash, Long runId) {
        this.contentHash = payloadHash;
        this.attemptedAt = Instant.now();
        this.lastRunId = runId;
        this.updatedAt = attemptedAt;
    }

    /**
     * Its batch ran out of tries and was kept as a dead letter: PENDING, its attempt still marked,
     * so the next run looks it up in Xero before sending it again.
     */
    public void deadLettered(String message, Long runId) {
        this.status = Outcome.PENDING;
        this.message = message;
        this.lastRunId = runId;
        this.updatedAt = Instant.now();
    }

    /** The payload was sent but no answer came: Xero may or may not have it. */
    public boolean outcomeUnknown() {
        return attemptedAt != null;
    }

    /** Xero already has (or already refused) exactly this payload: sending it again would change nothing. */
    public boolean alreadyAnswered(String payloadHash) {
        return attemptedAt == null && payloadHash.equals(contentHash)
                && (status == Outcome.SYNCED || status == Outcome.FAILED);
    }

    public Long getId() { return id; }
    public Long getTenantRef() { return tenantRef; }
    public String getEntity() { return entity; }
    public Long getLocalId() { return localId; }
    public Outcome getStatus() { return status; }
    public String getMessage() { return message; }
    public String getWarnings() { return warnings; }
    public int getFailureCount() { return failureCount; }
    public Long getLastRunId() { return lastRunId; }
    public Instant getSyncedAt() { return syncedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getContentHash() { return contentHash; }
    public Instant getAttemptedAt() { return attemptedAt; }
    public SkipKind getSkipKind() { return skipKind; }
    public Instant getResyncRequestedAt() { return resyncRequestedAt; }
}
