package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares a mapped element with the full expected JSON. Numbers compare by value: JSONata gives
 * 95 where the database gave 95.0000, and Xero reads both the same.
 */
final class MappedJson {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    private MappedJson() {
    }

    static void assertMapsTo(ObjectMapper json, Object mapped, String expected) throws Exception {
        JsonNode actual = json.valueToTree(mapped);
        JsonNode wanted = json.readTree(expected);
        if (!actual.equals(NUMBERS_BY_VALUE, wanted)) {
            assertThat(actual.toPrettyString()).isEqualTo(wanted.toPrettyString());
        }
    }
}
