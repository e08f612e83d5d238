package io.fieldsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SandboxEnvironmentTest {

    private final SandboxEnvironment sandbox = new SandboxEnvironment();

    @Test
    void withoutAXeroAppEveryXeroUrlPointsAtTheSandbox() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("fieldsync.xero.api-url", "https://api.xero.com/api.xro/2.0")
                .withProperty("fieldsync.sandbox.port", "18089");

        sandbox.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("fieldsync.sandbox.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("fieldsync.xero.api-url")).isEqualTo("http://127.0.0.1:18089/api.xro/2.0");
        assertThat(environment.getProperty("fieldsync.xero.identity-url")).isEqualTo("http://127.0.0.1:18089");
        assertThat(environment.getProperty("fieldsync.xero.connections-url")).isEqualTo("http://127.0.0.1:18089/connections");
        assertThat(environment.getProperty("fieldsync.xero.client-id")).isEqualTo("sandbox-client");
    }

    @Test
    void withAXeroAppNothingOfTheSandboxStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("fieldsync.xero.client-id", "ABC123")
                .withProperty("fieldsync.xero.api-url", "https://api.xero.com/api.xro/2.0");

        sandbox.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("fieldsync.sandbox.enabled")).isNull();
        assertThat(environment.getProperty("fieldsync.xero.api-url")).isEqualTo("https://api.xero.com/api.xro/2.0");
    }

    @Test
    void anUnsetPortBecomesAFreeOne() {
        MockEnvironment environment = new MockEnvironment();

        sandbox.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("fieldsync.sandbox.port", Integer.class)).isPositive();
    }
}
