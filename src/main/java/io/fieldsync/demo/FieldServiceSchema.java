package io.fieldsync.demo;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

// TEMPORARY stub until the demo-data branch is merged
public final class FieldServiceSchema {
    public static void create(DataSource ds) {
        new ResourceDatabasePopulator(new ClassPathResource("fieldservice/schema.sql")).execute(ds);
    }
}
