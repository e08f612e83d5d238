package io.fieldsync.state;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message whose redeliveries ran out: kept whole, with its error, so nothing is lost. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_ref")
    private Long tenantRef;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "route_id")
    private String routeId;

    private String entity;

    @Column(name = "local_id")
    private Long localId;

    /** The records of a dead-lettered batch, comma-separated. */
    @Column(name = "local_ids")
    private String localIds;

    private String endpoint;

    private String body;

    @Column(name = "error_type", nullable = false)
    private String errorType;

    @Column(nullable = false)
    private String error;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected DeadLetter() {
    }

    public DeadLetter(Long runId, String routeId, String endpoint, String body, Throwable error, int attempts) {
        this.runId = runId;
        this.routeId = routeId;
        this.endpoint = endpoint;
        this.body = body;
        this.errorType = error.getClass().getName();
        String message = String.valueOf(error.getMessage());
        this.error = message.length() > 4000 ? message.substring(0, 4000) : message;
        this.attempts = attempts;
        this.createdAt = Instant.now();
    }

    public void about(Long tenantRef, String entity, Long localId) {
        this.tenantRef = tenantRef;
        this.entity = entity;
        this.localId = localId;
    }

    public void tenant(Long tenantRef) {
        this.tenantRef = tenantRef;
    }

    /** The records of the batch the message carried. */
    public void records(String entity, java.util.List<Long> ids) {
        this.entity = entity;
        this.localIds = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    public void resolved() {
        this.resolvedAt = Instant.now();
    }

    public java.util.List<Long> getLocalIds() {
        return localIds == null || localIds.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(localIds.split(",")).map(Long::valueOf).toList();
    }

    public Long getTenantRef() { return tenantRef; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Long getId() { return id; }
    public Long getRunId() { return runId; }
    public String getRouteId() { return routeId; }
    public String getEntity() { return entity; }
    public Long getLocalId() { return localId; }
    public String getEndpoint() { return endpoint; }
    public String getBody() { return body; }
    public String getErrorType() { return errorType; }
    public String getError() { return error; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
}
