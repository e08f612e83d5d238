package io.fieldsync.testing.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.fieldsync.demo.FieldServiceSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The messy data set keeps its promises, on H2 (no MariaDB needed), and is the same for the same seed. */
class MessyFieldServiceTest {

    static DataSource quick;
    static JdbcTemplate db;
    static MessyFieldService.Written written;

    @BeforeAll
    static void writeQuickSize() {
        quick = loaded(MessySize.QUICK, MessyFieldService.SEED);
        db = new JdbcTemplate(quick);
    }

    static DataSource loaded(MessySize size, long seed) {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:messy-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        FieldServiceSchema.create(dataSource);
        MessyFieldService.Written rows = new MessyFieldService(size, seed).writeTo(dataSource);
        if (seed == MessyFieldService.SEED && size == MessySize.QUICK) {
            written = rows;
        }
        return dataSource;
    }

    @Test
    void theSameSeedWritesTheSameRowsAndAnotherSeedOthers() throws SQLException {
        assertThat(dump(loaded(MessySize.QUICK, MessyFieldService.SEED))).isEqualTo(dump(quick));
        assertThat(dump(loaded(MessySize.QUICK, 18L))).isNotEqualTo(dump(quick));
    }

    @Test
    void writesTheQuickSize() {
        assertThat(written.of("customers")).isEqualTo(600);
        assertThat(written.of("invoices")).isEqualTo(2_400);
        assertThat(written.of("purchase_orders")).isEqualTo(150);
        assertThat(written.of("payments")).isGreaterThan(600);
        assertThat(written.total()).isGreaterThan(10_000);
    }

    @Test
    void thousandsOfInvoicesShareTwoSecondsAndHundredsOneMicrosecond() {
        String from = MessyFieldService.INVOICE_UPDATE.toString().replace('T', ' ');
        String to = MessyFieldService.INVOICE_UPDATE.plusSeconds(2).toString().replace('T', ' ');
        int inTwoSeconds = count("select count(*) from invoices where updated_at >= '" + from + "' and updated_at < '" + to + "'");
        assertThat(inTwoSeconds).isGreaterThanOrEqualTo(2_000);
        assertThat(count("select max(n) from (select count(*) n from invoices group by updated_at) x"))
                .as("invoices at one microsecond (more than a page of 500)").isGreaterThan(500);
        assertThat(count("select count(distinct updated_at) from invoices where updated_at >= '" + from
                + "' and updated_at < '" + to + "'")).as("distinct microseconds within the two seconds").isGreaterThan(800);
        assertThat(count("select max(n) from (select count(*) n from customers group by date_trunc('second', updated_at)) x"))
                .as("customers imported in one second").isGreaterThan(500);
        assertThat(count("select max(n) from (select count(*) n from payments group by date_trunc('second', updated_at)) x"))
                .as("payments imported in one second").isGreaterThan(500);
        assertThat(count("select count(*) from invoices where updated_at > '" + to + "'"))
                .as("nothing after the mass update").isZero();
    }

    @Test
    void peopleShareNamesWithEachOtherAndWithSuppliers() {
        assertThat(count("select count(*) from customers where first_name = 'Lachlan' and trim(last_name) = 'Ryan'"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from customers where lower(trim(company_name)) = 'outback strata'")).isEqualTo(3);
        assertThat(count("select count(*) from customers where company_name = ?", MessyFieldService.CUSTOMER_AND_VENDOR))
                .isEqualTo(1);
        assertThat(count("select count(*) from vendors where name = ?", MessyFieldService.CUSTOMER_AND_VENDOR)).isEqualTo(1);
        assertThat(count("select count(*) from vendors where name = ?", MessyFieldService.SHARED_VENDOR)).isEqualTo(2);
        assertThat(count("select count(*) from (select company_name from customers where char_length(company_name) = 255"
                + " group by company_name having count(*) = 2) x")).as("two customers with one 255-character name").isEqualTo(1);
        assertThat(count("select count(*) from (select first_name, last_name from customers where company_name is null"
                + " and first_name is not null group by first_name, last_name having count(*) > 1) x"))
                .as("names shared by chance, as among real customers").isGreaterThan(20);
    }

    @Test
    void textsCarryUnicodeControlCharactersAndTrailingSpaces() {
        List<String> names = db.queryForList("select coalesce(company_name, concat(coalesce(first_name, ''), ' ',"
                + " coalesce(last_name, ''))) from customers", String.class);
        assertThat(names).anyMatch(n -> n.codePoints().anyMatch(cp -> cp > 0xFFFF)).as("emoji")
                .anyMatch(n -> n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .anyMatch(n -> n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL))
                .anyMatch(n -> n.contains("é") || n.contains("ü"))
                .anyMatch(n -> n.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                .anyMatch(n -> n.endsWith("  "));
        assertThat(db.queryForList("select description from invoice_lines", String.class))
                .anyMatch(d -> d.contains("\u0000")).anyMatch(d -> d.length() > 3_900).anyMatch(String::isEmpty);
    }

    @Test
    void badEmailsOverLongCodesAndNamesNullsAndDeletedRows() {
        List<String> emails = db.queryForList("select email from customers where email is not null", String.class);
        assertThat(emails).containsAll(MessyFieldService.BAD_EMAILS).contains("");
        assertThat(count("select count(*) from customers where email is null")).isPositive();
        assertThat(count("select count(*) from vendors where email = 'orders@'")).isEqualTo(1);
        assertThat(count("select count(*) from materials where char_length(sku) > 30")).isGreaterThan(5);
        assertThat(count("select count(*) from materials where sku is null")).isGreaterThan(3);
        assertThat(count("select count(*) from materials where char_length(name) > 50")).isGreaterThan(3);
        assertThat(count("select count(*) from customers where company_name is null and first_name is null"
                + " and last_name is null")).isEqualTo(3);
        for (String table : List.of("customers", "vendors", "materials", "payments")) {
            assertThat(count("select count(*) from " + table + " where deleted_at is not null")).as(table).isPositive();
        }
        assertThat(count("select count(*) from invoices where due_date is null")).isPositive();
        assertThat(count("select count(*) from customers where customer_number is null")).isPositive();
    }

    @Test
    void moneyHasFourDecimalPricesDiscountsBothTaxBasesZeroNegativeAndHugeInvoices() {
        assertThat(count("select count(*) from invoice_lines where mod(unit_price * 10000, 100) <> 0")).isGreaterThan(1_000);
        assertThat(count("select count(*) from invoice_lines where discount_percent > 0 and discount_percent < 100")).isPositive();
        assertThat(count("select count(*) from invoice_lines where discount_percent = 100")).isPositive();
        assertThat(count("select count(*) from invoices where amounts_include_tax")).isGreaterThan(300);
        assertThat(count("select count(*) from invoices where not amounts_include_tax")).isGreaterThan(1_000);
        assertThat(count("select count(*) from invoices where total = 0 and status = 'paid'")).isPositive();
        assertThat(count("select count(*) from invoices where total = 0 and status = 'issued'")).isPositive();
        assertThat(count("select count(*) from invoices where total < 0")).isPositive();
        assertThat(count("select count(*) from (select invoice_id from invoice_lines group by invoice_id"
                + " having count(*) >= 100) x")).isEqualTo(MessySize.QUICK.bigInvoices());
        assertThat(count("select count(*) from invoice_lines l join tax_codes t on t.id = l.tax_code_id where t.code = 'MIX5'"))
                .isPositive();
        assertThat(db.queryForList("select distinct status from invoices", String.class))
                .contains("draft", "issued", "paid", "void", "sent");
        assertThat(db.queryForList("select distinct status from purchase_orders", String.class))
                .contains("draft", "ordered", "received", "finished", "cancelled");
    }

    @Test
    void totalsAreTheSumsOfTheirLinesAsXeroWorksThemOut() {
        List<Map<String, Object>> wrong = db.queryForList("""
                select i.id, i.subtotal, i.tax_total, i.total, sum(l.line_total) lines, i.amounts_include_tax
                  from invoices i join invoice_lines l on l.invoice_id = i.id
                 group by i.id, i.subtotal, i.tax_total, i.total, i.amounts_include_tax
                having i.subtotal + i.tax_total <> i.total
                    or (i.amounts_include_tax and sum(l.line_total) <> i.total)
                    or (not i.amounts_include_tax and sum(l.line_total) <> i.subtotal)""");
        assertThat(wrong).isEmpty();
        BigDecimal paidButShort = db.queryForObject("""
                select count(*) from invoices i where i.status = 'paid' and i.total > 0 and i.amount_paid <> i.total""",
                BigDecimal.class);
        assertThat(paidButShort).isZero();
    }

    private int count(String sql, Object... args) {
        Integer n = db.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static List<String> dump(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : FieldServiceSchema.TABLES) {
                try (ResultSet rs = statement.executeQuery("select * from " + table + " order by id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.append('|').append(rs.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
