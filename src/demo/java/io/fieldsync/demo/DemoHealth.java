package io.fieldsync.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} (details, with a login) shows a component "demo" while the demo runs. */
@Component("demoHealthIndicator")
@ConditionalOnExpression(DemoMode.ON)
class DemoHealth implements HealthIndicator {

    private final boolean sandbox;

    DemoHealth(@Value("${fieldsync.sandbox.enabled:false}") boolean sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("demo", true)
                .withDetail("fieldServiceDatabase", "embedded sample data")
                .withDetail("xero", sandbox ? "in-process sandbox" : "configured")
                .build();
    }
}
