package io.fieldsync.xero;

import java.util.List;
import java.util.Map;

/**
 * One record on its way to Xero: the mapped element, the hash of what it says (without Xero's id,
 * so linking a record does not make it look changed), the number a person and a look-up know it by.
 * A contact also carries the suffix that names it apart when another contact has its name
 * (the push's contact names); null for everything else.
 */
public record Outgoing(long localId, Map<String, Object> element, String hash, String number, List<String> warnings,
                       String nameSuffix) {

    public Outgoing(long localId, Map<String, Object> element, String hash, String number, List<String> warnings) {
        this(localId, element, hash, number, warnings, null);
    }
}
