package io.fieldsync.demo;
import javax.sql.DataSource;
// TEMPORARY stub
public class SampleData {
    public record Counts(int customers) {}
    public SampleData(SampleDataSize size) {}
    public Counts writeTo(DataSource ds) {
        new org.springframework.jdbc.core.JdbcTemplate(ds).update("insert into customers (customer_number, company_name, email) values ('C00001','Acme Pools','a@acme.test'),('C00002','Bright Sparks',null)");
        return new Counts(2);
    }
}
