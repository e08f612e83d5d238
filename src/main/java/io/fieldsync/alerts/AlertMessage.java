package io.fieldsync.alerts;

import java.time.Instant;

/** One row of the alert outbox: a message and how its delivery stands. Getters, so routes can read it with simple. */
public class AlertMessage {

    private final long id;
    private final AlertKind kind;
    private final String condition;
    private final Long runId;
    private final String delivery;
    private final String subject;
    private final String body;
    private final Instant createdAt;
    private final Instant sentAt;
    private final int attempts;
    private final String lastError;

    public AlertMessage(long id, AlertKind kind, String condition, Long runId, String delivery, String subject,
                        String body, Instant createdAt, Instant sentAt, int attempts, String lastError) {
        this.id = id;
        this.kind = kind;
        this.condition = condition;
        this.runId = runId;
        this.delivery = delivery;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.attempts = attempts;
        this.lastError = lastError;
    }

    public long getId() { return id; }
    public AlertKind getKind() { return kind; }
    public String getCondition() { return condition; }
    public Long getRunId() { return runId; }
    public String getDelivery() { return delivery; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
}
