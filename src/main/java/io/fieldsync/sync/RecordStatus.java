package io.fieldsync.sync;

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
        this.status = outcome;
        this.message = message;
        this.lastRunId = runId;
        this.updatedAt = Instant.now();
        this.failureCount = outcome == Outcome.FAILED ? failureCount + 1 : 0;
        if (outcome == Outcome.SYNCED) {
            this.syncedAt = updatedAt;
        }
    }

    public void warn(String warnings) {
        this.warnings = warnings;
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
}
