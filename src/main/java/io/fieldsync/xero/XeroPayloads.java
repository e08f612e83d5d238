package io.fieldsync.xero;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Xero's batch envelope, {"Contacts":[...]}, and batches that fit Xero: at most 50 elements, under 3.5 MB. */
@Component("xeroPayloads")
public class XeroPayloads {

    private final ObjectMapper json;
    private final int maxElements;
    private final int maxBytes;

    @Autowired
    public XeroPayloads(ObjectMapper json, XeroClientProperties settings) {
        this(json, settings.batchSize(), settings.batchBytes());
    }

    XeroPayloads(ObjectMapper json, int maxElements, int maxBytes) {
        this.json = json;
        this.maxElements = maxElements;
        this.maxBytes = maxBytes;
    }

    public String batch(String collection, List<Outgoing> batch) throws JsonProcessingException {
        return json.writeValueAsString(Map.of(XeroCollection.of(collection).path(),
                batch.stream().map(Outgoing::element).toList()));
    }

    /** Splits records into batches by count and by size (a few large invoices can outweigh 50 small ones). */
    public List<List<Outgoing>> batches(List<Outgoing> records) throws JsonProcessingException {
        List<List<Outgoing>> batches = new ArrayList<>();
        List<Outgoing> current = new ArrayList<>();
        long bytes = 0;
        for (Outgoing record : records) {
            int size = json.writeValueAsString(record.element()).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && (current.size() >= maxElements || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(record);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
