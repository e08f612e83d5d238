package io.fieldsync.state;

import java.time.LocalDateTime;

/**
 * Where a keyset read stands: the (updated_at, id) of the last field-service row read, updated_at
 * as the database wrote it (its own zone, full precision). Pages are read strictly after it.
 */
public record KeysetPosition(LocalDateTime updatedAt, long id) implements Comparable<KeysetPosition> {

    @Override
    public int compareTo(KeysetPosition other) {
        int byTime = updatedAt.compareTo(other.updatedAt);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }

    public boolean isAfter(KeysetPosition other) {
        return compareTo(other) > 0;
    }

    /** The updated_at parameter of the page query: a literal the database compares at full precision. */
    public String sqlUpdatedAt() {
        return SourceClock.sqlLiteral(updatedAt);
    }

    @Override
    public String toString() {
        return "(updated_at " + sqlUpdatedAt() + ", id " + id + ")";
    }
}
