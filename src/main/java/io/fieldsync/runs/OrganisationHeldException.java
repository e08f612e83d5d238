package io.fieldsync.runs;

/** A sync was requested while other work (a matching run) holds the organisation. */
public class OrganisationHeldException extends RuntimeException {

    private final String heldBy;

    public OrganisationHeldException(String heldBy) {
        super(heldBy + " holds the organisation; try again when it has finished");
        this.heldBy = heldBy;
    }

    public String heldBy() {
        return heldBy;
    }
}
