package io.fieldsync.entities;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.push.PushSkip;
import io.fieldsync.push.PushedEntity;
import org.springframework.stereotype.Component;

/**
 * A purchase order that reached finished becomes one Xero bill for the vendor's supplier contact
 * ({@code routes/push-bills.camel.yaml}, {@code mappings/bill.to-xero.jsonata}), dated the day it
 * finished. Sent once: the bill is then the supplier's to settle in Xero.
 */
@Component
public class Bills implements PushedEntity {

    private final PurchaseOrderDocuments documents;

    Bills(PurchaseOrderDocuments documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return "bill";
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        List<Map<String, Object>> bills = documents.of(name(), rows, lines);
        bills.forEach(bill -> bill.put("bill_date", billDate(bill)));
        return bills;
    }

    @Override
    public Optional<PushSkip> skip(Map<String, Object> bill) {
        return PurchaseOrderDocuments.vendorMissing(bill, "bill");
    }

    @Override
    public Optional<PushSkip> skipChange(Map<String, Object> bill) {
        return PushSkip.rule("Purchase order " + bill.get("po_number") + " changed after its bill reached Xero as "
                + bill.get("xero_id") + "; FieldSync sends a bill once: change the bill in Xero");
    }

    /** The day its purchase order finished, else was delivered, else issued. */
    private static String billDate(Map<String, Object> order) {
        Object finished = order.get("finished_at");
        if (finished instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate().toString();
        }
        if (finished instanceof java.time.LocalDateTime local) {
            return local.toLocalDate().toString();
        }
        Object day = order.get("delivery_date") != null ? order.get("delivery_date") : order.get("issue_date");
        return day == null ? null : day.toString();
    }
}
