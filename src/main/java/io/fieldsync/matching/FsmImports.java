package io.fieldsync.matching;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes to the field-service database what matching decides: a customer or material made from a
 * Xero record that has no partner there, and the soft delete of materials no Xero item matches.
 * Imported rows are shaped so that contact.to-xero / item.to-xero map them back to what Xero has.
 */
@Component
public class FsmImports {

    private final JdbcTemplate source;
    private final NamedParameterJdbcTemplate named;

    public FsmImports(@Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts) {
        this.source = timeouts.jdbcTemplate(source);
        this.named = new NamedParameterJdbcTemplate(this.source);
    }

    /** Why the Xero record cannot become a field-service row (its number or code is taken), or empty. */
    public Optional<String> refusal(MatchKind kind, JsonNode xero) {
        if (kind == MatchKind.ITEMS) {
            String code = text(xero, "Code");
            List<Long> taken = source.queryForList("select id from materials where sku = ?", Long.class, code);
            return taken.isEmpty() ? Optional.empty() : Optional.of("its Code " + code + " is the sku of material "
                    + taken.get(0) + " (soft-deleted, or matched to another item)");
        }
        return Optional.empty();
    }

    /** A new customer (or material) made from the Xero record; returns its id. */
    public long insert(MatchKind kind, JsonNode xero) {
        return kind == MatchKind.ITEMS ? material(xero) : customer(xero);
    }

    private long customer(JsonNode contact) {
        String first = text(contact, "FirstName");
        String last = text(contact, "LastName");
        String name = text(contact, "Name");
        // a private customer is named by first and last name; anything else is a company
        String company = name != null && name.equals(FsmCandidates.customerName(null, first, last)) ? null : name;
        JsonNode address = address(contact);
        Object[] values = {freeNumber(text(contact, "AccountNumber"), text(contact, "ContactNumber")), company, first, last,
                text(contact, "EmailAddress"), phone(contact, "DEFAULT"), phone(contact, "MOBILE"), text(contact, "TaxNumber"),
                address == null ? null : street(address), address == null ? null : text(address, "City"),
                address == null ? null : text(address, "Region"), address == null ? null : text(address, "PostalCode"),
                address == null ? null : text(address, "Country")};
        return insert("""
                insert into customers (customer_number, company_name, first_name, last_name, email, phone, mobile, tax_number,
                                       billing_street, billing_city, billing_region, billing_postcode, billing_country, notes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Imported from Xero by FieldSync matching')""", values);
    }

    private long material(JsonNode item) {
        String code = text(item, "Code");
        String name = text(item, "Name");
        return insert("""
                insert into materials (sku, name, description, kind, sell_price, cost_price)
                values (?, ?, ?, 'part', ?, ?)""", code, name == null ? code : name, text(item, "Description"),
                price(item.path("SalesDetails")), price(item.path("PurchaseDetails")));
    }

    /** The Xero number the customer takes, if no customer has it yet (customer_number is unique). */
    private String freeNumber(String... candidates) {
        for (String number : candidates) {
            if (number != null && number.length() <= 30
                    && source.queryForObject("select count(*) from customers where customer_number = ?", Integer.class, number) == 0) {
                return number;
            }
        }
        return null;
    }

    /**
     * Soft-deletes the materials (deleted_at, the field-service application's own convention);
     * returns how many it changed.
     */
    public int softDelete(Collection<Long> materialIds) {
        if (materialIds.isEmpty()) {
            return 0;
        }
        return named.update("update materials set deleted_at = current_timestamp(6) where id in (:ids) and deleted_at is null",
                new MapSqlParameterSource("ids", materialIds));
    }

    private long insert(String sql, Object... values) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        source.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, key);
        java.util.Map<String, Object> keys = key.getKeys(); // drivers name the generated column differently
        Object id = keys.containsKey("id") ? keys.get("id") : keys.containsKey("ID") ? keys.get("ID") : keys.values().iterator().next();
        return ((Number) id).longValue();
    }

    private static JsonNode address(JsonNode contact) {
        JsonNode street = null;
        for (JsonNode address : contact.path("Addresses")) {
            if (text(address, "AddressLine1") == null) {
                continue;
            }
            if ("POBOX".equals(text(address, "AddressType"))) {
                return address;
            }
            street = street == null ? address : street;
        }
        return street;
    }

    private static String street(JsonNode address) {
        return String.join("\n", java.util.stream.Stream.of("AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4")
                .map(line -> text(address, line)).filter(java.util.Objects::nonNull).toList());
    }

    private static String phone(JsonNode contact, String type) {
        for (JsonNode phone : contact.path("Phones")) {
            if (type.equals(text(phone, "PhoneType")) && text(phone, "PhoneNumber") != null) {
                String area = text(phone, "PhoneAreaCode");
                return (area == null ? "" : area + " ") + text(phone, "PhoneNumber");
            }
        }
        return null;
    }

    private static BigDecimal price(JsonNode details) {
        JsonNode price = details.get("UnitPrice");
        return price == null || !price.isNumber() ? null : price.decimalValue();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
