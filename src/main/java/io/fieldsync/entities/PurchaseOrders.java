package io.fieldsync.entities;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fieldsync.push.PushSkip;
import io.fieldsync.push.PushedEntity;
import io.fieldsync.push.SyncRules;
import org.springframework.stereotype.Component;

/**
 * Field-service purchase orders become Xero purchase orders from the moment they are ordered
 * ({@code routes/push-purchase-orders.camel.yaml}, {@code mappings/purchase-order.to-xero.jsonata});
 * a cancelled one is deleted in Xero only when the field-service database is master and Xero has it.
 */
@Component
public class PurchaseOrders implements PushedEntity {

    private static final Set<String> SENT_STATUSES = Set.of("ordered", "received", "finished");

    private final PurchaseOrderDocuments documents;
    private final SyncRules rules;

    PurchaseOrders(PurchaseOrderDocuments documents, SyncRules rules) {
        this.documents = documents;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "purchase-order";
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        return documents.of(name(), rows, lines);
    }

    @Override
    public Optional<PushSkip> skip(Map<String, Object> order) {
        String status = String.valueOf(order.get("status"));
        boolean exported = order.get("xero_id") != null;
        if ("draft".equals(status)) {
            return PushSkip.rule("Draft purchase order: not ordered yet, not exported");
        }
        if ("cancelled".equals(status)) {
            if (!exported) {
                return PushSkip.rule("Cancelled purchase order that never reached Xero: nothing to delete there");
            }
            if (!"fsm".equals(rules.master(name()))) {
                return PushSkip.rule("Cancelled in the field-service database, but fieldsync.entities.purchase-order.master is "
                        + rules.master(name()) + ": the Xero purchase order is left as it is");
            }
            return Optional.empty();
        }
        if (!SENT_STATUSES.contains(status)) {
            return PushSkip.rule("Purchase order status '" + status + "' is not one FieldSync exports");
        }
        return PurchaseOrderDocuments.vendorMissing(order, "purchase order");
    }
}
