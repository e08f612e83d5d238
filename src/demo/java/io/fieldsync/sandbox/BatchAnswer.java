package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Turns per-element outcomes into Xero's answer. Without summarizeErrors=false (Xero's real
 * default) one bad element makes the whole answer a 400 listing only the failures, although the
 * good elements were stored: the trap NOTES.md warns about.
 */
final class BatchAnswer {
    private BatchAnswer() {
    }

    static SandboxAnswer of(String collection, List<ElementResult> results, boolean summarizeErrors) {
        boolean anyFailed = results.stream().anyMatch(ElementResult::failed);
        if (summarizeErrors && anyFailed) {
            ObjectNode body = Json.object();
            body.put("ErrorNumber", 10);
            body.put("Type", "ValidationException");
            body.put("Message", "A validation exception occurred");
            ArrayNode elements = body.putArray("Elements");
            results.stream().filter(ElementResult::failed).forEach(r -> elements.add(failed(r, false)));
            return SandboxAnswer.json(400, body);
        }
        ObjectNode envelope = XeroEnvelope.of(collection, List.of());
        ArrayNode elements = (ArrayNode) envelope.get(collection);
        for (ElementResult result : results) {
            if (result.failed()) {
                elements.add(failed(result, true));
            } else {
                ObjectNode element = result.element().deepCopy();
                if (!result.warnings().isEmpty()) {
                    element.set("Warnings", messages(result.warnings()));
                }
                if (!summarizeErrors) {
                    element.put("StatusAttributeString", result.warnings().isEmpty() ? "OK" : "WARNING");
                    element.putArray("ValidationErrors");
                }
                elements.add(element);
            }
        }
        return SandboxAnswer.json(200, envelope);
    }

    private static ObjectNode failed(ElementResult result, boolean perElement) {
        ObjectNode element = result.element().deepCopy();
        if (perElement) {
            element.put("StatusAttributeString", "ERROR");
        }
        element.set("ValidationErrors", messages(result.errors()));
        return element;
    }

    private static ArrayNode messages(List<String> texts) {
        ArrayNode array = Json.array();
        texts.forEach(t -> array.addObject().put("Message", t));
        return array;
    }
}
