package io.fieldsync.matching;

/**
 * A matching decision that cannot be made as asked, above all a second field-service record for a
 * Xero record that already has one (409, naming the record it is linked to).
 */
public class MatchRefusedException extends RuntimeException {

    private final String xeroId;
    private final Long linkedLocalId;

    public MatchRefusedException(String message, String xeroId, Long linkedLocalId) {
        super(message);
        this.xeroId = xeroId;
        this.linkedLocalId = linkedLocalId;
    }

    public String xeroId() {
        return xeroId;
    }

    /** The field-service record the Xero record is linked to already, when that is the clash. */
    public Long linkedLocalId() {
        return linkedLocalId;
    }
}
