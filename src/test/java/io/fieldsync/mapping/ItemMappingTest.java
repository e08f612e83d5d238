package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/item.to-xero.jsonata: what an engineer who edits it sees change. */
class ItemMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    private static Map<String, Object> settings(boolean sendTax) {
        return Map.of("settings", Map.of("salesAccount", "200", "purchaseAccount", "310", "sendTax", sendTax));
    }

    private static Map<String, Object> elbow() {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("id", 7);
        material.put("sku", "PVC-90-ELB");
        material.put("name", "PVC elbow 90°");
        material.put("description", "PVC pressure elbow, 90°, 20 mm, solvent weld");
        material.put("kind", "part");
        material.put("sell_price", new BigDecimal("4.5"));
        material.put("cost_price", new BigDecimal("1.2"));
        material.put("xero_id", null);
        material.put("sales_tax_type", "OUTPUT");
        material.put("purchase_tax_type", "INPUT");
        return material;
    }

    @Test
    void partBoughtAndSoldBecomesItemWithSalesAndPurchaseDetails() throws Exception {
        Object item = templates.apply("item.to-xero", elbow(), settings(true));

        assertThat((Object) json.valueToTree(item)).isEqualTo(json.readTree("""
                {
                  "Code": "PVC-90-ELB",
                  "Name": "PVC elbow 90°",
                  "Description": "PVC pressure elbow, 90°, 20 mm, solvent weld",
                  "IsSold": true,
                  "IsPurchased": true,
                  "SalesDetails": {"UnitPrice": 4.5, "AccountCode": "200", "TaxType": "OUTPUT"},
                  "PurchaseDetails": {"UnitPrice": 1.2, "AccountCode": "310", "TaxType": "INPUT"}
                }"""));
    }

    @Test
    void withTaxOffTheAccountsDecideTheTaxAndALinkedItemCarriesItsItemId() throws Exception {
        Map<String, Object> material = elbow();
        material.put("xero_id", "c8e2a1d4-7b3f-4f0e-9a61-5d2b8e4c1a70");

        Object item = templates.apply("item.to-xero", material, settings(false));

        assertThat((Object) json.valueToTree(item)).isEqualTo(json.readTree("""
                {
                  "ItemID": "c8e2a1d4-7b3f-4f0e-9a61-5d2b8e4c1a70",
                  "Code": "PVC-90-ELB",
                  "Name": "PVC elbow 90°",
                  "Description": "PVC pressure elbow, 90°, 20 mm, solvent weld",
                  "IsSold": true,
                  "IsPurchased": true,
                  "SalesDetails": {"UnitPrice": 4.5, "AccountCode": "200"},
                  "PurchaseDetails": {"UnitPrice": 1.2, "AccountCode": "310"}
                }"""));
    }

    @Test
    void labourRateWithoutSkuOrCostIsCodedByIdAndOnlySold() throws Exception {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("id", 19);
        material.put("sku", null);
        material.put("name", "Labour - licensed plumber (per hour)");
        material.put("description", null);
        material.put("kind", "labour");
        material.put("sell_price", new BigDecimal("95.0000"));
        material.put("cost_price", null);
        material.put("xero_id", null);
        material.put("sales_tax_type", "OUTPUT");
        material.put("purchase_tax_type", null);

        Object item = templates.apply("item.to-xero", material, settings(true));

        assertThat((Object) json.valueToTree(item)).isEqualTo(json.readTree("""
                {
                  "Code": "M19",
                  "Name": "Labour - licensed plumber (per hour)",
                  "IsSold": true,
                  "IsPurchased": false,
                  "SalesDetails": {"UnitPrice": 95, "AccountCode": "200", "TaxType": "OUTPUT"}
                }"""));
    }

    @Test
    void itemWithoutSellPriceStillNamesItsSalesAccount() throws Exception {
        Map<String, Object> material = elbow();
        material.put("sell_price", null);
        material.put("sales_tax_type", null);

        Object item = templates.apply("item.to-xero", material, settings(true));

        assertThat((Object) json.valueToTree(item)).isEqualTo(json.readTree("""
                {
                  "Code": "PVC-90-ELB",
                  "Name": "PVC elbow 90°",
                  "Description": "PVC pressure elbow, 90°, 20 mm, solvent weld",
                  "IsSold": true,
                  "IsPurchased": true,
                  "SalesDetails": {"AccountCode": "200"},
                  "PurchaseDetails": {"UnitPrice": 1.2, "AccountCode": "310", "TaxType": "INPUT"}
                }"""));
    }
}
