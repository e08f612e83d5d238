package io.fieldsync.push;

import java.util.Collection;
import java.util.Map;

/**
 * Records the push holds back until a person decides (matching implements it): asked per page,
 * the waiting records are marked with {@link #AWAITING} and skipped, a waiting customer's invoices too.
 */
public interface PushHolds {

    /** Key of the document field saying the record awaits a decision, and why. */
    String AWAITING = "awaiting_match";

    /** The records of {@code entity} among {@code localIds} that wait, each with why. */
    Map<Long, String> awaiting(String entity, Collection<Long> localIds);

    /** The skip reason of a waiting record itself. */
    String reason(String entity, Object localId, Object awaiting);
}
