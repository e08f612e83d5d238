package io.fieldsync.entities;

import java.util.List;
import java.util.Map;

import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushedEntity;
import io.fieldsync.push.SyncRules;
import io.fieldsync.xero.TaxTypes;
import org.springframework.stereotype.Component;

/**
 * Materials become Xero items ({@code routes/push-items.camel.yaml}, {@code mappings/item.to-xero.jsonata}),
 * with the Xero tax types of their tax code (the route's rows carry tax_code and tax_rate). An item's
 * tax type is only its default, so a code Xero has no type for warns and the item still goes.
 */
@Component
public class Items implements PushedEntity {

    private final PushDocuments documents;
    private final TaxTypes taxTypes;
    private final SyncRules rules;

    public Items(PushDocuments documents, TaxTypes taxTypes, SyncRules rules) {
        this.documents = documents;
        this.taxTypes = taxTypes;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "item";
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> items = documents.linked(name(), rows);
        boolean sendTax = rules.invoices().sendTax();
        for (Map<String, Object> item : items) {
            String taxCode = (String) item.get("tax_code");
            String sales = taxTypes.sales(taxCode, item.get("tax_rate"));
            item.put("sales_tax_type", sales);
            item.put("purchase_tax_type", taxTypes.purchases(taxCode, item.get("tax_rate")));
            if (sendTax && taxCode != null && sales == null) {
                // invoices name their own tax type per line, so the item still goes
                item.put(PushDocuments.WARNINGS, List.of("FSM tax code " + taxCode + " (" + item.get("tax_rate")
                        + " %) has no Xero tax type: the item goes without a sales tax type, so Xero's account"
                        + " default applies; map it with fieldsync.tax-types." + taxCode));
            } else if (sendTax) {
                // only the item's default: the invoice lines that carry the code fail on their own
                taxTypes.disagreement(item.get("tax_rate"), sales).ifPresent(disagreement -> item.put(
                        PushDocuments.WARNINGS, List.of("FSM tax code " + taxCode + ": " + disagreement
                                + "; invoice lines with this code fail until fieldsync.tax-types." + taxCode
                                + " names a Xero tax type of the same rate")));
            }
        }
        return items;
    }
}
