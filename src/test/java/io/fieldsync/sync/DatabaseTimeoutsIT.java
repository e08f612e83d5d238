package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A field-service database that stops answering in the middle of a run (a half-open socket after
 * a fail-over: the connection stays open, nothing comes back). The run must not wait for good:
 * it ends FAILED within the socket timeout, naming the database and the step it was in.
 */
// a context of its own: its field-service pool goes through the proxy
@org.springframework.test.context.TestPropertySource(properties = "fieldsync.database.connect-timeout=PT2S")
class DatabaseTimeoutsIT extends MariaDbIntegrationTest {

    private static final TcpProxy sourceProxy = MariaDb.proxy();
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

    @TestConfiguration
    static class SourceThroughProxy {
        @Bean
        DynamicPropertyRegistrar sourceDatabaseThroughProxy() {
            return registry -> registry.add("fieldsync.source.url",
                    () -> MariaDb.urlThrough(sourceProxy, IntegrationTestDatabases.SOURCE));
        }
    }

    @DynamicPropertySource
    static void timeouts(DynamicPropertyRegistry registry) {
        registry.add("fieldsync.database.socket-timeout", SOCKET_TIMEOUT::toString);
        registry.add("fieldsync.database.query-timeout", () -> "PT2S");
        // longer than the socket timeout: the wait that ends is the query's, not the pool's
        registry.add("fieldsync.source.hikari.connection-timeout", () -> 10_000);
    }

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @AfterEach
    void databaseBack() {
        sandbox.faults().clear();
        sourceProxy.restore();
    }

    @AfterAll
    static void closeProxy() {
        sourceProxy.close();
    }

    @Test
    void aQueryTheFieldServiceDatabaseNeverAnswersEndsTheRunWithinItsTimeoutNamingTheStep() {
        // the push of contacts reads its first page; the database takes the query and never answers
        sourceProxy.stallOnQuery("from customers", "order by updated_at, id limit");
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long run = ((Number) started.getBody().get("id")).longValue();
        Eventually.within(Duration.ofSeconds(60), "the query stalled", sourceProxy::stalledAQuery);
        Instant stalled = Instant.now();

        Map<String, Object> failed = awaitEnd(run, Duration.ofSeconds(60));

        assertThat(failed.get("status")).as("run %s", failed).isEqualTo("FAILED");
        assertThat(Duration.between(stalled, Instant.now())).as("ended within its timeout, not waiting for good")
                .isLessThan(SOCKET_TIMEOUT.plusSeconds(10));
        assertThat((String) failed.get("message"))
                .matches("field-service database did not answer within [23] s in step push-contacts: .*");
    }
}
