package io.fieldsync.xero;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A connected Xero organisation. Runs, links and statuses all belong to one. */
@Entity
@Table(name = "xero_tenant")
public class XeroTenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, unique = true)
    private String tenantId;

    private String name;

    @Column(name = "short_code")
    private String shortCode;

    @Column(name = "connection_status", nullable = false)
    private String connectionStatus = "CONNECTED";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** A scheduled trigger fired while a run was in progress: one run is owed after it. */
    @Column(name = "sync_due_at")
    private Instant syncDueAt;

    /** Fencing token: the epoch of the run that owns the organisation; moves on every start and every taken-over end. */
    @Column(name = "run_epoch", nullable = false)
    private long runEpoch;

    /** Work other than a sync holding the organisation (a matching run): its id, what it is, its last heartbeat. */
    @Column(name = "hold_id")
    private String holdId;

    @Column(name = "hold_by")
    private String holdBy;

    @Column(name = "hold_heartbeat_at")
    private Instant holdHeartbeatAt;

    protected XeroTenant() {
    }

    public XeroTenant(String tenantId, String name) {
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void rename(String name, String shortCode) {
        this.name = name;
        this.shortCode = shortCode;
        this.updatedAt = Instant.now();
    }

    public void owe(Instant firedAt) {
        if (syncDueAt == null) {
            syncDueAt = firedAt;
        }
    }

    public void paid() {
        syncDueAt = null;
    }

    /** A run starts, or one is ended by someone other than itself: whoever held the old epoch is fenced off. */
    public long nextRunEpoch() {
        return ++runEpoch;
    }

    public void hold(String id, String by, Instant at) {
        this.holdId = id;
        this.holdBy = by;
        this.holdHeartbeatAt = at;
    }

    public void releaseHold() {
        hold(null, null, null);
    }

    public Long getId() { return id; }
    public String getHoldId() { return holdId; }
    public String getHoldBy() { return holdBy; }
    public Instant getHoldHeartbeatAt() { return holdHeartbeatAt; }
    public long getRunEpoch() { return runEpoch; }
    public Instant getSyncDueAt() { return syncDueAt; }
    public String getTenantId() { return tenantId; }
    public String getName() { return name; }
    public String getShortCode() { return shortCode; }
    public String getConnectionStatus() { return connectionStatus; }
}
