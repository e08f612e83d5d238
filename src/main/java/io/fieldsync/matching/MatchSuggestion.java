package io.fieldsync.matching;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One row of match_suggestion: a candidate pair or a decision about a field-service record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchSuggestion(long id, String kind, long localId, String localLabel, String xeroId, String xeroLabel,
                              String xeroNumber,
                              BigDecimal score, String reason, Status status, String decidedBy, Instant decidedAt,
                              Instant createdAt) {

    public enum Status {
        /** A candidate waiting for a person: the record is not pushed meanwhile. */
        SUGGESTED,
        /** Matched exactly and linked automatically. */
        LINKED,
        ACCEPTED,
        REJECTED,
        /** A new Xero record instead: the next push creates it. */
        CREATE,
        /** The field-service record was made from the Xero record. */
        IMPORTED
    }
}
