package io.fieldsync.demo;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The sample data on MariaDB (or MySQL), in a throwaway database ({@code test.db.prefix}{@code _demo}) whose tables are
 * dropped and created again. Server from {@code test.mysql.url}, {@code test.mysql.username},
 * {@code test.mysql.password}.
 */
class SampleDataOnMariaDbIT extends SampleDataContract {

    static final String DATABASE = System.getProperty("test.db.prefix", "fieldsync_it") + "_demo";

    @Override
    protected DataSource emptyDatabase() {
        String server = System.getProperty("test.mysql.url", "jdbc:mysql://127.0.0.1:3306").replaceAll("/+$", "");
        SingleConnectionDataSource mariaDb = new SingleConnectionDataSource(
                server + "/" + DATABASE + "?createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true&useSSL=false",
                System.getProperty("test.mysql.username", "root"), System.getProperty("test.mysql.password", ""), true);
        FieldServiceSchema.drop(mariaDb);
        return mariaDb;
    }

    @Test
    void holdsTheSameRowsAsH2() throws Exception {
        DataSource h2 = SampleDataOnH2Test.freshH2();
        FieldServiceSchema.create(h2);
        new SampleData(SampleDataSize.DEFAULT, TODAY).writeTo(h2);
        TableDump.assertSameRows(h2, dataSource);
    }
}
