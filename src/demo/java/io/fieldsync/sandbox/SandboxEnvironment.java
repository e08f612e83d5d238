package io.fieldsync.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no Xero app configured ({@code fieldsync.xero.client-id} empty), switches the in-process
 * Xero sandbox on and points every Xero URL and credential at it, before any bean or route reads
 * them. The port is chosen here, not by the sandbox, so that routes and beans see one consistent
 * set of URLs from the start. Registered in src/demo's META-INF/spring.factories: the demo's
 * classpath (tests, spring-boot:run) has it, the production jar does not.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "fieldsync-xero-sandbox";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("fieldsync.xero.client-id"))) {
            return;
        }
        int port = environment.getProperty("fieldsync.sandbox.port", Integer.class, 0);
        if (port == 0) {
            port = freeLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        String clientId = environment.getProperty("fieldsync.sandbox.client-id", "sandbox-client");
        String clientSecret = environment.getProperty("fieldsync.sandbox.client-secret", "sandbox-secret");

        Map<String, Object> sandbox = new LinkedHashMap<>();
        sandbox.put("fieldsync.sandbox.enabled", "true");
        sandbox.put("fieldsync.sandbox.port", port);
        sandbox.put("fieldsync.sandbox.client-id", clientId);
        sandbox.put("fieldsync.sandbox.client-secret", clientSecret);
        sandbox.put("fieldsync.xero.api-url", base + "/api.xro/2.0");
        sandbox.put("fieldsync.xero.identity-url", base);
        sandbox.put("fieldsync.xero.authorize-url", base + "/identity/connect/authorize");
        sandbox.put("fieldsync.xero.connections-url", base + "/connections");
        sandbox.put("fieldsync.xero.client-id", clientId);
        sandbox.put("fieldsync.xero.client-secret", clientSecret);
        // the sandbox plays a custom connection, or, when asked for, an app a user authorises (its consent page says yes)
        sandbox.put("fieldsync.xero.grant", "authorization_code".equals(environment.getProperty("fieldsync.xero.grant"))
                ? "authorization_code" : "client_credentials");
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, sandbox));
    }

    private static int freeLocalPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free local port for the Xero sandbox", e);
        }
    }
}
