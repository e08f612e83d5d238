package io.fieldsync.state;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * How far one entity has been read in one direction: the keyset position (updated_at, id) of the
 * last field-service row handled, or Xero's UpdatedDateUTC for pulls. Moves only after the
 * records before it are linked, so a crash re-reads rather than skips.
 */
@Entity
@Table(name = "watermark")
public class Watermark {

    @Embeddable
    public record Key(@Column(name = "tenant_ref") Long tenantRef,
                      @Column(name = "entity") String entity,
                      @Column(name = "direction") String direction) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_updated_at")
    private Instant lastUpdatedAt;

    @Column(name = "last_id")
    private Long lastId;

    /** A push's keyset updated_at as the field-service database wrote it (see {@link KeysetPosition}). */
    @Column(name = "keyset_updated_at")
    private String keysetUpdatedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Watermark() {
    }

    public Watermark(Key key) {
        this.key = key;
        this.updatedAt = Instant.now();
    }

    public void advanceTo(Instant lastUpdatedAt, Long lastId) {
        this.lastUpdatedAt = lastUpdatedAt;
        this.lastId = lastId;
        this.updatedAt = Instant.now();
    }

    /** A push's position: the field-service row's own updated_at (full precision, its zone) and id. */
    public void advanceToKeyset(Instant lastUpdatedAt, KeysetPosition position) {
        advanceTo(lastUpdatedAt, position.id());
        this.keysetUpdatedAt = position.sqlUpdatedAt();
    }

    public Key getKey() { return key; }
    public String getKeysetUpdatedAt() { return keysetUpdatedAt; }
    public Instant getLastUpdatedAt() { return lastUpdatedAt; }
    public Long getLastId() { return lastId; }
}
