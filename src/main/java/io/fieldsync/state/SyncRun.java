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

/** One sync of one Xero organisation: who or what started it, when, and how it ended. */
@Entity
@Table(name = "sync_run")
public class SyncRun {

    public enum Status { RUNNING, SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED, INTERRUPTED, DAILY_LIMIT_REACHED }

    public enum Trigger { MANUAL, SCHEDULED }

    /** The message column's size. */
    private static final int MAX_MESSAGE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_ref", nullable = false)
    private Long tenantRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false)
    private Trigger trigger;

    @Column(name = "requested_by")
    private String requestedBy;

    /** The requested entities, comma-separated; null means every enabled step. */
    private String entities;

    @Column(name = "node_id")
    private String nodeId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String message;

    /** The organisation's epoch this run took when it started: it owns the organisation while that is still the epoch. */
    @Column(name = "run_epoch", nullable = false)
    private long epoch;

    /** The process that runs it (one id per start of a node): a restarted node knows its dead process's runs. */
    @Column(name = "instance_id")
    private String instanceId;

    protected SyncRun() {
    }

    public SyncRun(Long tenantRef, Trigger trigger, String requestedBy, String entities, String nodeId, String instanceId,
                   long epoch) {
        this.instanceId = instanceId;
        this.epoch = epoch;
        this.tenantRef = tenantRef;
        this.trigger = trigger;
        this.requestedBy = requestedBy;
        this.entities = entities;
        this.nodeId = nodeId;
        this.status = Status.RUNNING;
        this.startedAt = Instant.now();
        this.heartbeatAt = startedAt;
    }

    public void finish(Status outcome, String message) {
        finish(outcome, message, Instant.now());
    }

    /** Ended at {@code at}: a run whose end could only be recorded later keeps the time it ended. */
    public void finish(Status outcome, String message, Instant at) {
        this.status = outcome;
        this.message = message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "..."; // a long error must not keep the end from being written
        this.finishedAt = at;
    }

    /** Its node stopped (killed, or cut off from the state store): the next run resumes from the watermarks. */
    public void interrupt(String why) {
        finish(Status.INTERRUPTED, why);
    }

    public Long getId() { return id; }
    public Long getTenantRef() { return tenantRef; }
    public Status getStatus() { return status; }
    public Trigger getTrigger() { return trigger; }
    public String getRequestedBy() { return requestedBy; }
    public String getEntities() { return entities; }
    public String getNodeId() { return nodeId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getMessage() { return message; }
    public long getEpoch() { return epoch; }
    public String getInstanceId() { return instanceId; }
}
