package io.fieldsync.xero;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Wraps mapped elements in Xero's batch envelope, {"Contacts":[...]}. */
@Component("xeroPayloads")
public class XeroPayloads {

    private final ObjectMapper json;

    public XeroPayloads(ObjectMapper json) {
        this.json = json;
    }

    public String batch(String collection, List<?> elements) throws JsonProcessingException {
        return json.writeValueAsString(Map.of(XeroCollection.of(collection).path(), elements));
    }
}
