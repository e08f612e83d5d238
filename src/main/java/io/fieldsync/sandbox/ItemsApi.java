package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Items: Code required, at most 30 characters and unique; Name at most 50. */
final class ItemsApi implements DocumentCollection {
    private static final Set<String> WRITABLE = Set.of("Code", "Name", "Description", "PurchaseDescription",
            "PurchaseDetails", "SalesDetails", "IsSold", "IsPurchased", "IsTrackedAsInventory", "InventoryAssetAccountCode");

    private final SandboxStore store;

    ItemsApi(SandboxStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "Items";
    }

    @Override
    public ObjectNode lookup(String idOrCode) {
        ObjectNode byId = store.find("Items", idOrCode);
        return byId != null ? byId : store.findBy("Items", "Code", idOrCode);
    }

    @Override
    public ElementResult write(ObjectNode in, boolean post, String pathId, SandboxRequest request) {
        String id = pathId != null ? pathId : Json.text(in, "ItemID");
        ObjectNode existing = id != null ? lookup(id) : null;
        if (id != null && existing == null) {
            return ElementResult.error(in, "The item with ItemID " + id + " could not be found.");
        }
        if (existing == null && post) {
            existing = store.findBy("Items", "Code", Json.text(in, "Code"));
        }
        ObjectNode item = existing != null ? existing.deepCopy() : newItem();
        WRITABLE.forEach(field -> {
            if (in.has(field)) {
                item.set(field, in.get(field).deepCopy());
            }
        });
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
