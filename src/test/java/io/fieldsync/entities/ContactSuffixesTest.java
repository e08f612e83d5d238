package io.fieldsync.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The suffix that names a customer or a vendor apart from another Xero contact of its name. */
class ContactSuffixesTest {

    @Test
    void aCustomerIsNamedApartByItsNumberElseItsId() {
        assertThat(Contacts.suffix(Map.of("id", 42, "customer_number", " C00123 "))).isEqualTo("C00123");
        Map<String, Object> withoutNumber = new HashMap<>();
        withoutNumber.put("id", 42);
        withoutNumber.put("customer_number", null);
        assertThat(Contacts.suffix(withoutNumber)).isEqualTo("customer 42");
        assertThat(Contacts.suffix(Map.of("id", 42, "customer_number", "  "))).isEqualTo("customer 42");
    }

    @Test
    void aVendorHasNoCodeAndIsNamedApartByItsId() {
        assertThat(Vendors.suffix(Map.of("id", 7, "name", "Coastal Pipe Co"))).isEqualTo("vendor 7");
    }
}
