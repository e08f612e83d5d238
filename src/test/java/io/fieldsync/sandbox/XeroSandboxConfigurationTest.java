package io.fieldsync.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the sandbox's own configuration class in a bare context, not the application. */
class XeroSandboxConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(XeroSandboxConfiguration.class);

    @Test
    void sandboxStartsFromPropertiesWhenEnabledAndStopsWithTheContext() {
        XeroSandbox[] started = new XeroSandbox[1];
        runner.withPropertyValues("fieldsync.sandbox.enabled=true", "fieldsync.sandbox.client-id=demo-app",
                        "fieldsync.xero.limits.per-window=30", "fieldsync.xero.limits.window=PT2S", "fieldsync.xero.limits.per-day=1000")
                .run(context -> {
                    XeroSandbox sandbox = context.getBean(XeroSandbox.class);
                    started[0] = sandbox;
                    assertThat(sandbox.isRunning()).isTrue();
                    assertThat(sandbox.port()).isPositive();
                    assertThat(sandbox.settings().clientId()).isEqualTo("demo-app");
                    assertThat(sandbox.settings().clientSecret()).isEqualTo("sandbox-secret");
                    assertThat(sandbox.settings().window()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(sandbox.settings().perWindowLimit()).isEqualTo(30);
                    assertThat(sandbox.settings().perDayLimit()).isEqualTo(1000);
                    assertThat(sandbox.settings().concurrentLimit()).isEqualTo(5);
                    assertThat(sandbox.tenantId()).isEqualTo(SandboxSettings.DEFAULT_TENANT_ID);
                });
        assertThat(started[0].isRunning()).isFalse();
    }

    @Test
    void noSandboxUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(XeroSandbox.class));
        runner.withPropertyValues("fieldsync.sandbox.enabled=false").run(context -> assertThat(context).doesNotHaveBean(XeroSandbox.class));
    }
}
