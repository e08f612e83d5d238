package io.fieldsync.xero;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Splits Xero's answer to a batch sent with {@code summarizeErrors=false} back into one result per
 * element, in the order they were sent (Xero keeps the order). A 4xx other than 401/403 is Xero
 * refusing the batch for what it holds: it fails the batch's records with Xero's words (per
 * element when Xero lists them) and the run goes on. 401/403 refuse the connector itself.
 * Transient answers (429, 5xx, unreadable) never get here: {@link XeroRetries} has them sent again.
 */
@Component("xeroAnswers")
public class XeroAnswers {

    private final ObjectMapper json;

    public XeroAnswers(ObjectMapper json) {
        this.json = json;
    }

    public List<ElementResult> elements(String collection, int status, String body, int batchSize) {
        if (status == 401 || status == 403) {
            throw new XeroAnswerException("Xero answered HTTP " + status + " to a " + collection + " batch: "
                    + XeroErrors.summary(body));
        }
        XeroCollection kind = XeroCollection.of(collection);
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            throw new XeroAnswerException("Xero's answer (HTTP " + status + ") to a " + collection + " batch is not JSON: "
                    + XeroErrors.summary(body), e);
        }
        if (status != 200) {
            return refused(status, answer, body, batchSize);
        }
        List<ElementResult> results = new ArrayList<>();
        for (JsonNode element : answer.path(kind.path())) {
            results.add(new ElementResult(element.path("StatusAttributeString").asText("OK"),
                    element.path(kind.idField()).asText(null), element.path(kind.numberField()).asText(null), messages(element)));
        }
        return results;
    }

    /** A batch Xero refused as a whole: each element fails with its own errors if Xero lists them, else with Xero's message. */
    private static List<ElementResult> refused(int status, JsonNode answer, String body, int batchSize) {
        JsonNode elements = answer == null ? null : answer.path("Elements");
        if (elements != null && elements.isArray() && elements.size() == batchSize && batchSize > 0) {
            List<ElementResult> results = new ArrayList<>();
            for (JsonNode element : elements) {
                List<String> own = messages(element);
                // nothing of a refused batch was stored, whatever an element's own status says
                results.add(new ElementResult("ERROR", null, null, own.isEmpty() ? List.of(whole(status, answer, body)) : own));
            }
            return results;
        }
        ElementResult failed = new ElementResult("ERROR", null, null, List.of(whole(status, answer, body)));
        return new ArrayList<>(Collections.nCopies(batchSize, failed));
    }

    private static List<String> messages(JsonNode element) {
        List<String> messages = new ArrayList<>();
        element.path("ValidationErrors").forEach(error -> messages.add(error.path("Message").asText()));
        element.path("Warnings").forEach(warning -> messages.add(warning.path("Message").asText()));
        return messages;
    }

    private static String whole(int status, JsonNode answer, String body) {
        String message = answer != null && answer.hasNonNull("Message") ? answer.path("Message").asText()
                : answer != null && answer.hasNonNull("Detail") ? answer.path("Detail").asText() : XeroErrors.summary(body);
        return "Xero refused the batch (HTTP " + status + "): " + message;
    }
}
