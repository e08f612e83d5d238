package io.fieldsync.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import java.lang.management.ManagementFactory;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.apache.camel.CamelContext;
import io.fieldsync.xero.XeroTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

/**
 * A whole sync logged at DEBUG, HTTP headers and wire included, prints no token, client secret or
 * password; and the operator API answers carry none either.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutIT extends MariaDbIntegrationTest {

    private static final List<String> VERBOSE = List.of("org.apache.camel", "org.apache.hc.client5.http", "io.fieldsync");
    private static final Pattern BEARER_TOKEN = Pattern.compile("Bearer [A-Za-z0-9\\-._~+/]{8,}");

    @Autowired
    LoggingSystem logging;

    @Autowired
    XeroTokens tokens;

    @Autowired
    Environment environment;

    @Autowired
    CamelContext camel;

    @AfterEach
    void quietAgain() {
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void aFullSyncLoggedAtDebugPrintsNoSecret(CapturedOutput output) {
        startFresh();
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));

        Map<String, Object> run = syncToEnd();
        quietAgain();

        assertThat(run.get("status")).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        String log = output.getAll();
        // the headers were logged: the masking, not silence, keeps the token out
        assertThat(log).contains("Authorization: Bearer ****");
        List<String> secrets = secrets();
        assertThat(secrets).contains(tokens.accessToken(), "sandbox-secret");
        for (String secret : secrets) {
            assertThat(log).as("the log").doesNotContain(secret);
        }
        assertThat(BEARER_TOKEN.matcher(log).find()).as("a Bearer token in the log").isFalse();
    }

    @Test
    void operatorApiAnswersCarryNoSecret() {
        startFresh();
        long id = ((Number) syncToEnd().get("id")).longValue();

        List<String> answers = new ArrayList<>();
        for (String call : List.of("/api/syncs?limit=20", "/api/syncs/" + id,
                "/api/records?entity=invoice&status=FAILED&page=0&size=50", "/api/records?entity=contact&page=0&size=500")) {
            answers.add(asOperator().getForObject(call, String.class));
        }
        for (String answer : answers) {
            assertThat(answer).isNotNull();
            for (String secret : secrets()) {
                assertThat(answer).doesNotContain(secret);
            }
        }
        for (String notExposed : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers")) {
            assertThat(asOperator().getForEntity(notExposed, String.class).getStatusCode())
                    .as(notExposed).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void camelMasksItsLogsAndKeepsNoMessagesForHawtioToShow() throws MalformedObjectNameException {
        assertThat(camel.isLogMask()).isTrue();
        assertThat(camel.isMessageHistory()).isFalse();
        assertThat(camel.isTracing()).isFalse();
        assertThat(camel.isBacklogTracing()).isFalse();
        assertThat(camel.isDebugging()).isFalse();
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:type=routes,*"), null))
                .as("Camel's route MBeans, which Hawtio reads").isNotEmpty();
        for (String kind : List.of("tracer", "debugger")) {
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:type=" + kind + ",*"), null))
                    .as("Camel %s MBeans Hawtio could switch on", kind).isEmpty();
        }
    }

    /** The token the sandbox issued, the client secret, the operator's password and any database password set. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(tokens.accessToken(), OPERATOR_PASSWORD));
        for (String property : List.of("fieldsync.xero.client-secret", "fieldsync.sandbox.client-secret",
                "spring.datasource.password", "fieldsync.source.password", "fieldsync.alerts.smtp-password")) {
            String value = environment.getProperty(property);
            if (StringUtils.hasText(value)) {
                secrets.add(value);
            }
        }
        return secrets;
    }
}
