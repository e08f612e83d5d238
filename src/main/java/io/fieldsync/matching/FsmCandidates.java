package io.fieldsync.matching;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The field-service customers or materials (not soft-deleted) as matching candidates. */
@Component
public class FsmCandidates {

    private static final String CUSTOMERS = """
            select id, customer_number, company_name, first_name, last_name, email, tax_number
              from customers where deleted_at is null""";
    private static final String MATERIALS = "select id, sku, name from materials where deleted_at is null";

    private final JdbcTemplate source;

    public FsmCandidates(@Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts) {
        this.source = timeouts.jdbcTemplate(source);
    }

    public List<MatchCandidate> all(MatchKind kind) {
        return kind == MatchKind.ITEMS ? source.query(MATERIALS + " order by id", material)
                : source.query(CUSTOMERS + " order by id", customer);
    }

    public Optional<MatchCandidate> one(MatchKind kind, long id) {
        return (kind == MatchKind.ITEMS ? source.query(MATERIALS + " and id = ?", material, id)
                : source.query(CUSTOMERS + " and id = ?", customer, id)).stream().findFirst();
    }

    private final RowMapper<MatchCandidate> customer = (row, n) -> new MatchCandidate(String.valueOf(row.getLong("id")),
            row.getString("customer_number"), null, customerName(row.getString("company_name"), row.getString("first_name"),
            row.getString("last_name")), row.getString("email"), row.getString("tax_number"), false, null);

    private final RowMapper<MatchCandidate> material = (row, n) -> new MatchCandidate(String.valueOf(row.getLong("id")),
            row.getString("sku"), null, row.getString("name"), null, null, false, null);

    /** As contact.to-xero names a contact: the company, else the person. */
    static String customerName(String company, String first, String last) {
        if (company != null && !company.isBlank()) {
            return company;
        }
        return String.join(" ", java.util.stream.Stream.of(first, last).filter(p -> p != null && !p.isBlank()).toList());
    }
}
