package io.fieldsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The sample data on H2 in MySQL mode, as the demo runs it. */
class SampleDataOnH2Test extends SampleDataContract {

    static DataSource freshH2() {
        return new DriverManagerDataSource("jdbc:h2:mem:demo-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    protected DataSource emptyDatabase() {
        return freshH2();
    }

    @Test
    void twoLoadsForTheSameDayWriteIdenticalRows() throws Exception {
        DataSource again = freshH2();
        FieldServiceSchema.create(again);
        new SampleData(SampleDataSize.DEFAULT, TODAY).writeTo(again);
        TableDump.assertSameRows(dataSource, again);
    }

    @Test
    void honoursASmallerSizeAndByDefaultDatesEverythingBeforeToday() {
        DataSource small = freshH2();
        FieldServiceSchema.create(small);
        SampleData.Counts written = new SampleData(new SampleDataSize(12, 30, 6)).writeTo(small);
        assertThat(written.of("customers")).isEqualTo(12);
        assertThat(written.of("invoices")).isEqualTo(30);
        assertThat(written.of("purchase_orders")).isEqualTo(6);
        JdbcTemplate jdbc = new JdbcTemplate(small);
        LocalDateTime newest = jdbc.queryForObject("SELECT MAX(updated_at) FROM invoices", LocalDateTime.class);
        LocalDateTime oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM customers", LocalDateTime.class);
        assertThat(newest).isBefore(LocalDate.now().atStartOfDay());
        assertThat(oldest).isAfterOrEqualTo(LocalDate.now().minusDays(90).atStartOfDay());
    }

    @Test
    void writesTheSmallestSizeWithoutInvoicesOrPurchaseOrders() {
        DataSource tiny = freshH2();
        FieldServiceSchema.create(tiny);
        SampleData.Counts written = new SampleData(new SampleDataSize(1, 0, 0), TODAY).writeTo(tiny);
        assertThat(written.of("customers")).isOne();
        assertThat(written.of("invoices")).isZero();
        assertThat(written.of("jobs")).isPositive();
        assertThat(new JdbcTemplate(tiny).queryForObject("SELECT COUNT(*) FROM materials", Integer.class))
                .isEqualTo(written.of("materials"));
    }
}
