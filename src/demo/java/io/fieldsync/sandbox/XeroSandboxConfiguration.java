package io.fieldsync.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the in-process Xero sandbox when {@code fieldsync.sandbox.enabled=true}. Its limits are
 * the ones the connector's rate governor keeps to, so the demo meets Xero's limits as configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fieldsync.sandbox.enabled", havingValue = "true")
public class XeroSandboxConfiguration {

    @Bean(destroyMethod = "stop")
    public XeroSandbox xeroSandbox(
            @Value("${fieldsync.sandbox.port:0}") int port,
            @Value("${fieldsync.sandbox.client-id:sandbox-client}") String clientId,
            @Value("${fieldsync.sandbox.client-secret:sandbox-secret}") String clientSecret,
            @Value("${fieldsync.sandbox.tenant-id:" + SandboxSettings.DEFAULT_TENANT_ID + "}") String tenantId,
            @Value("${fieldsync.xero.limits.concurrent:5}") int concurrent,
            @Value("${fieldsync.xero.limits.per-window:60}") int perWindow,
            @Value("${fieldsync.xero.limits.window:PT1M}") String window,
            @Value("${fieldsync.xero.limits.per-day:5000}") int perDay) {
        XeroSandbox sandbox = new XeroSandbox(new SandboxSettings(port, clientId, clientSecret, tenantId,
                concurrent, perWindow, DurationStyle.detectAndParse(window), perDay));
        sandbox.start();
        return sandbox;
    }
}
