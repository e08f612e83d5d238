package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Items: Code required, at most 30 characters and unique; Name at most 50. */
final class ItemsApi extends KeyedCollection {
    private static final Set<String> WRITABLE = Set.of("Code", "Name", "Description", "PurchaseDescription",
            "PurchaseDetails", "SalesDetails", "IsSold", "IsPurchased", "IsTrackedAsInventory", "InventoryAssetAccountCode");

    ItemsApi(SandboxStore store) {
        super(store, "Items", "ItemID", "Code", "The item with ItemID %s could not be found.");
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        ObjectNode item = draft(existing, this::newItem, in, WRITABLE);
        List<String> errors = new ArrayList<>();
        String code = Json.text(item, "Code");
        String name = Json.text(item, "Name");
        if (code == null || code.isBlank()) {
            errors.add("Item code must be specified.");
        } else {
            if (code.length() > 30) {
                errors.add("Item code must not be more than 30 characters long.");
            }
            ObjectNode sameCode = store.findBy("Items", "Code", code);
            if (sameCode != null && !sameCode.get("ItemID").asText().equals(item.get("ItemID").asText())) {
                errors.add("Item code '" + code + "' already exists.");
            }
        }
        if (name != null && name.length() > 50) {
            errors.add("Item name must not be more than 50 characters long.");
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }
        item.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
        store.save("Items", item);
        return ElementResult.ok(item);
    }

    private ObjectNode newItem() {
        ObjectNode item = Json.object();
        item.put("ItemID", SandboxStore.newId());
        item.put("IsTrackedAsInventory", false);
        item.put("IsSold", true);
        item.put("IsPurchased", true);
        return item;
    }
}
