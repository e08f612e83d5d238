package io.fieldsync.matching;

/**
 * One record of either side as matching sees it: its id, what identifies it exactly (numbers,
 * tax number, email) and its name. For Xero: {@code number} is the AccountNumber (items: Code),
 * {@code otherNumber} the ContactNumber; {@code archived} an archived contact; {@code usedBy} a
 * non-null note when the record is taken otherwise (a contact linked to a vendor).
 */
public record MatchCandidate(String id, String number, String otherNumber, String name, String email, String taxNumber,
                             boolean archived, String usedBy) {

    /** What a person recognises: number and name. */
    public String label() {
        String shown = number != null && !number.isBlank() ? number : otherNumber;
        return (shown == null || shown.isBlank() ? "" : shown + " ") + (name == null ? "" : name);
    }
}
