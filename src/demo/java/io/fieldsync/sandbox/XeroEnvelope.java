package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Xero's answer wrapper: {"Id","Status":"OK","ProviderName","DateTimeUTC","<Collection>":[...]}. */
final class XeroEnvelope {
    static final String PROVIDER_NAME = "FieldSync Sandbox";

    private XeroEnvelope() {
    }

    static ObjectNode of(String collection, Collection<? extends JsonNode> elements) {
        ObjectNode envelope = Json.object();
        envelope.put("Id", UUID.randomUUID().toString());
        envelope.put("Status", "OK");
        envelope.put("ProviderName", PROVIDER_NAME);
        envelope.put("DateTimeUTC", XeroDates.msDate(Instant.now()));
        ArrayNode array = envelope.putArray(collection);
        elements.forEach(e -> array.add(e.deepCopy()));
        return envelope;
    }

    static ObjectNode of(String collection, JsonNode element) {
        return of(collection, List.of(element));
    }
}
