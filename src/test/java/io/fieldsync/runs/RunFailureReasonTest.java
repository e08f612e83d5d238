package io.fieldsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The reason a run records when it failed: a lost database is named, whatever was wrapped around it. */
class RunFailureReasonTest {

    private static final String[] UNDER_CAMEL_SQL = {"com.zaxxer.hikari.pool.HikariPool",
            "org.springframework.jdbc.core.JdbcTemplate", "org.apache.camel.component.sql.SqlProducer",
            "org.apache.camel.processor.SendProcessor"};
    private static final String[] UNDER_A_BEAN = {"com.zaxxer.hikari.pool.HikariPool",
            "org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl",
            "org.springframework.orm.jpa.JpaTransactionManager", "io.fieldsync.push.RecordOutcomes",
            "org.apache.camel.component.bean.BeanProcessor"};

    @Test
    void theFieldServicePoolGivingUpNamesTheFieldServiceDatabase() {
        var refused = new SQLRecoverableException("Communications link failure\n\nThe last packet sent successfully to the"
                + " server was 0 milliseconds ago.", "08S01", new ConnectException("Connection refused"));
        var timedOut = thrownUnder(new SQLTransientConnectionException("source - Connection is not available, request timed"
                + " out after 2001ms (total=0, active=0, idle=0, waiting=0)", "08001", refused), UNDER_CAMEL_SQL);

        assertThat(RunFailureReason.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut)))
                .isEqualTo("field-service database unreachable: source - Connection is not available, request timed out"
                        + " after 2001ms (total=0, active=0, idle=0, waiting=0) (Connection refused)");
    }

    @Test
    void aQueryLosingItsConnectionInsideAParallelSplitNamesTheFieldServiceDatabase() {
        var lost = thrownUnder(new SQLRecoverableException("Communications link failure\n\nThe last packet successfully"
                + " received from the server was 3 milliseconds ago.", "08S01", new EOFException("Can not read response from"
                + " server. Expected to read 4 bytes, read 0 bytes before connection was unexpectedly lost.")), UNDER_CAMEL_SQL);
        var split = new RuntimeException("Multicast processing failed for number 0",
                new RecoverableDataAccessException("PreparedStatementCallback; SQL [select * from customers]", lost));

        assertThat(RunFailureReason.of(split)).isEqualTo("field-service database unreachable: Communications link failure"
                + " (Can not read response from server. Expected to read 4 bytes, read 0 bytes before connection was"
                + " unexpectedly lost.)");
    }

    @Test
    void aConnectionFailureOutsideCamelSqlIsTheStateStores() {
        var timedOut = thrownUnder(new SQLTransientConnectionException("state - Connection is not available, request timed"
                + " out after 2000ms (total=0, active=0, idle=0, waiting=0)", "08001",
                new SQLRecoverableException("Communications link failure", "08S01", new ConnectException("Connection refused"))),
                UNDER_A_BEAN);
        var jpa = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection", timedOut));

        assertThat(RunFailureReason.of(jpa)).isEqualTo("state database unreachable: state - Connection is not available,"
                + " request timed out after 2000ms (total=0, active=0, idle=0, waiting=0) (Connection refused)");
    }

    @Test
    void anyOtherFailureKeepsItsOwnMessage() {
        assertThat(RunFailureReason.of(new IllegalStateException("Xero answered 3 elements for 2 contact records")))
                .isEqualTo("Xero answered 3 elements for 2 contact records");
        var duplicate = thrownUnder(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"), UNDER_CAMEL_SQL);
        assertThat(RunFailureReason.of(new DataIntegrityViolationException("could not insert", duplicate)))
                .as("a database that answers is not unreachable").isEqualTo("could not insert");
        assertThat(RunFailureReason.of(new NullPointerException())).isEqualTo("NullPointerException");
    }

    private static <T extends Throwable> T thrownUnder(T error, String... classes) {
        error.setStackTrace(Arrays.stream(classes).map(c -> new StackTraceElement(c, "process", null, -1))
                .toArray(StackTraceElement[]::new));
        return error;
    }
}
