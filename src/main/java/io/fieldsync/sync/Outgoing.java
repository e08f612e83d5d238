package io.fieldsync.sync;

import java.util.List;
import java.util.Map;

/**
 * One record on its way to Xero: the mapped element, the hash of what it says (without Xero's id,
 * so linking a record does not make it look changed), the number a person and a look-up know it by.
 */
public record Outgoing(long localId, Map<String, Object> element, String hash, String number, List<String> warnings) {
}
