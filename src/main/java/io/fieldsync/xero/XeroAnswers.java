package io.fieldsync.xero;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Splits Xero's answer to a batch sent with {@code summarizeErrors=false} back into one result per
 * element, in the order they were sent (Xero keeps the order).
 */
@Component("xeroAnswers")
public class XeroAnswers {

    private final ObjectMapper json;

    public XeroAnswers(ObjectMapper json) {
        this.json = json;
    }

    public List<ElementResult> elements(String collection, int status, String body) {
        if (status != 200) {
            throw new XeroAnswerException("Xero answered HTTP " + status + " to a " + collection + " batch: "
                    + XeroErrors.summary(body));
        }
        XeroCollection kind = XeroCollection.of(collection);
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            throw new XeroAnswerException("Xero's answer to a " + collection + " batch is not JSON: "
                    + XeroErrors.summary(body), e);
        }
        List<ElementResult> results = new ArrayList<>();
        for (JsonNode element : answer.path(kind.path())) {
            List<String> messages = new ArrayList<>();
            element.path("ValidationErrors").forEach(error -> messages.add(error.path("Message").asText()));
            element.path("Warnings").forEach(warning -> messages.add(warning.path("Message").asText()));
            results.add(new ElementResult(element.path("StatusAttributeString").asText("OK"),
                    element.path(kind.idField()).asText(null), element.path(kind.numberField()).asText(null), messages));
        }
        return results;
    }
}
