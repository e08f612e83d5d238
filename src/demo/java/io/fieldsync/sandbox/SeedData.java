package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The organisation every sandbox starts with: an Australian company's chart of accounts and GST rates. */
final class SeedData {
    private static final JsonNode ACCOUNTS = load("accounts.json");
    private static final JsonNode TAX_RATES = load("tax-rates.json");
    private static final JsonNode ORGANISATION = load("organisation.json");

    private SeedData() {
    }

    /** IDs derive from the code, so every sandbox (and every reset) has the same AccountIDs. */
    static List<ObjectNode> accounts(Instant now) {
        List<ObjectNode> result = new ArrayList<>();
        for (JsonNode seed : ACCOUNTS) {
            ObjectNode account = Json.object();
            account.put("AccountID", stableId("account:" + seed.get("Code").asText()));
            account.setAll((ObjectNode) seed.deepCopy());
            account.put("Status", "ACTIVE");
            account.put("Description", "");
            if (!account.has("EnablePaymentsToAccount")) {
                account.put("EnablePaymentsToAccount", false);
            }
            account.put("ShowInExpenseClaims", "EXPENSE".equals(seed.get("Class").asText()));
            account.put("HasAttachments", false);
            account.put("AddToWatchlist", false);
            account.put("UpdatedDateUTC", XeroDates.msDate(now));
            result.add(account);
        }
        return result;
    }

    static List<ObjectNode> taxRates() {
        List<ObjectNode> result = new ArrayList<>();
        for (JsonNode seed : TAX_RATES) {
            ObjectNode rate = ((ObjectNode) seed).deepCopy();
            BigDecimal percent = rate.remove("Rate").decimalValue().setScale(4);
            ArrayNode components = rate.putArray("TaxComponents");
            if (percent.signum() > 0) {
                ObjectNode gst = components.addObject();
                gst.put("Name", "GST");
                gst.put("Rate", percent);
                gst.put("IsCompound", false);
                gst.put("IsNonRecoverable", false);
            }
            rate.put("Status", "ACTIVE");
            rate.put("DisplayTaxRate", percent);
            rate.put("EffectiveRate", percent);
            result.add(rate);
        }
        return result;
    }

    static ObjectNode organisation(String tenantId, Instant now) {
        ObjectNode organisation = Json.object();
        organisation.put("OrganisationID", tenantId);
        organisation.setAll((ObjectNode) ORGANISATION.deepCopy());
        organisation.put("CreatedDateUTC", XeroDates.msDate(now));
        return organisation;
    }

    static String stableId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode load(String name) {
        try (InputStream in = SeedData.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed file /sandbox/" + name);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
