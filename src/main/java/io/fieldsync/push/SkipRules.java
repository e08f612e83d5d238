package io.fieldsync.push;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Records that are not sent, and why: what holds for every entity (soft-deleted rows, records that
 * wait for a matching decision), then the entity's own rules ({@link PushedEntity#skip}).
 */
@Component("skipRules")
public class SkipRules {

    private final PushedEntities entities;
    private final PushHolds holds;

    public SkipRules(PushedEntities entities, PushHolds holds) {
        this.entities = entities;
        this.holds = holds;
    }

    /** Checked before mapping; {@code document} is the prepared record (an invoice carries its customer). */
    public Optional<PushSkip> check(String entity, Map<String, Object> document) {
        if (document.get("deleted_at") != null) {
            return PushSkip.rule("Soft-deleted in the field-service database; FieldSync never deletes or archives in Xero");
        }
        if (document.get(PushHolds.AWAITING) != null && document.get("xero_id") == null) {
            // a suggested Xero record may be this one: creating it now would make a second copy
            return PushSkip.waitingFor(holds.reason(entity, document.get("id"), document.get(PushHolds.AWAITING)));
        }
        return entities.named(entity).skip(document);
    }
}
