package io.fieldsync.matching;

/** What one matching run proposes for a field-service record: link it now (exact, unambiguous) or suggest it. */
public record MatchProposal(long localId, String localLabel, String xeroId, String xeroLabel, String xeroNumber,
                            double score, String reason,
                            boolean link) {
}
