package io.fieldsync.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fieldsync.xero.XeroCollection;
import org.springframework.stereotype.Component;

/**
 * The hash of what an element says, without Xero's id (linking a record does not make it look
 * changed), keys in a fixed order: how the push and the pulls tell versions of a record apart.
 */
@Component
public class PayloadHashes {

    private final ObjectMapper canonical;

    public PayloadHashes(ObjectMapper json) {
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public String withoutId(Map<String, Object> element, XeroCollection kind) throws JsonProcessingException {
        Map<String, Object> content = new LinkedHashMap<>(element);
        content.remove(kind.idField());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
