package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.xero.XeroNotFoundException;
import io.fieldsync.xero.XeroReads;
import org.springframework.stereotype.Component;

/**
 * Every contact (archived ones included, pages of 1,000) or every item of the organisation, read
 * through the rate governor, as matching candidates with the Xero record itself.
 */
@Component
public class XeroCandidates {

    static final int PAGE_SIZE = 1000;

    public record XeroRecord(MatchCandidate candidate, JsonNode json) {
    }

    private final XeroReads xero;

    public XeroCandidates(XeroReads xero) {
        this.xero = xero;
    }

    public List<XeroRecord> all(MatchKind kind) {
        List<XeroRecord> found = new ArrayList<>();
        if (kind == MatchKind.ITEMS) {
            xero.get("Items").path("Items").forEach(item -> found.add(of(kind, item)));
            return found;
        }
        for (int page = 1; ; page++) {
            JsonNode contacts = xero.get("Contacts?includeArchived=true&page=" + page + "&pageSize=" + PAGE_SIZE).path("Contacts");
            contacts.forEach(contact -> found.add(of(kind, contact)));
            if (contacts.size() < PAGE_SIZE) {
                return found;
            }
        }
    }

    /** One record by its id; empty when Xero has none. */
    public Optional<XeroRecord> one(MatchKind kind, String xeroId) {
        if (!xeroId.matches("[0-9A-Fa-f-]{36}")) {
            return Optional.empty(); // not a Xero id: asking would only read a record by its number or code
        }
        try {
            JsonNode found = xero.get((kind == MatchKind.ITEMS ? "Items/" : "Contacts/") + xeroId)
                    .path(kind == MatchKind.ITEMS ? "Items" : "Contacts").path(0);
            return found.isMissingNode() ? Optional.empty() : Optional.of(of(kind, found));
        } catch (XeroNotFoundException e) {
            return Optional.empty();
        }
    }

    static XeroRecord of(MatchKind kind, JsonNode json) {
        if (kind == MatchKind.ITEMS) {
            return new XeroRecord(new MatchCandidate(json.path("ItemID").asText(), text(json, "Code"), null,
                    text(json, "Name") == null ? text(json, "Code") : text(json, "Name"), null, null, false, null), json);
        }
        return new XeroRecord(new MatchCandidate(json.path("ContactID").asText(), text(json, "AccountNumber"),
                text(json, "ContactNumber"), text(json, "Name"), text(json, "EmailAddress"), text(json, "TaxNumber"),
                "ARCHIVED".equals(text(json, "ContactStatus")), null), json);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
