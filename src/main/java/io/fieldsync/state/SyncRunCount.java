package io.fieldsync.state;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How many records of one entity ended in one status during one run. */
@Entity
@Table(name = "sync_run_count")
public class SyncRunCount {

    @Embeddable
    public record Key(@Column(name = "run_id") Long runId,
                      @Column(name = "entity") String entity,
                      @Column(name = "status") String status) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "record_count", nullable = false)
    private int recordCount;

    protected SyncRunCount() {
    }

    public SyncRunCount(Key key) {
        this.key = key;
    }

    public void add(int records) {
        recordCount += records;
    }

    public Key getKey() { return key; }
    public int getRecordCount() { return recordCount; }
}
