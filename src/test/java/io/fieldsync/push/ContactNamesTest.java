package io.fieldsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How a contact is named apart, and read back, without a database or Xero. */
class ContactNamesTest {

    @Test
    void theSuffixIsAddedOnceWithAWarning() {
        ContactNames.Named named = ContactNames.apart(Map.of("ContactNumber", "C00123", "Name", "Lachlan Ryan"), "C00123");

        assertThat(named.element()).isEqualTo(Map.of("ContactNumber", "C00123", "Name", "Lachlan Ryan (C00123)"));
        assertThat(named.warning())
                .isEqualTo("Contact Name \"Lachlan Ryan\" is another Xero contact's name; sent as \"Lachlan Ryan (C00123)\"");
        assertThat(ContactNames.apart(named.element(), "C00123")).isEqualTo(new ContactNames.Named(named.element(), null));
    }

    @Test
    void aLongNameIsShortenedNeverTheSuffixWithinXerosLimit() {
        String name = "Ä".repeat(250) + "😀".repeat(5); // 255 code points, 260 UTF-16 units

        String named = (String) ContactNames.apart(Map.of("Name", name), "C00123").element().get("Name");

        assertThat(named.codePointCount(0, named.length())).isEqualTo(255);
        assertThat(named).endsWith("Ä (C00123)").startsWith("ÄÄÄ");
    }

    @Test
    void thePullReadsANamedApartContactWithItsOwnName() {
        ObjectNode contact = new ObjectMapper().createObjectNode().put("Name", "Lachlan Ryan (C00123)").put("ContactNumber", "C00123");
        ContactNames names = new ContactNames(null, null, null, null);

        ObjectNode read = (ObjectNode) names.withoutSuffix(document(true), contact);

        assertThat(read.path("Name").asText()).isEqualTo("Lachlan Ryan");
        assertThat(contact.path("Name").asText()).as("Xero's answer itself is left as it is").isEqualTo("Lachlan Ryan (C00123)");
        assertThat(names.withoutSuffix(document(false), contact)).as("not named apart: read as it is").isSameAs(contact);
    }

    private static Map<String, Object> document(boolean suffixed) {
        Map<String, Object> document = row(42, "C00123");
        document.put(ContactNames.SUFFIX, "C00123");
        document.put(ContactNames.SUFFIXED, suffixed);
        return document;
    }

    private static Map<String, Object> row(long id, String number) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("customer_number", number);
        return row;
    }
}
