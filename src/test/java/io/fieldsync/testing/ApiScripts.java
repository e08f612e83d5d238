package io.fieldsync.testing;

import io.fieldsync.security.CrossSiteRequests;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Calls the operator API the way a script with credentials does: with the header that shows a
 * state-changing request is no other site's page ({@link CrossSiteRequests#HEADER}).
 */
public final class ApiScripts {

    private ApiScripts() {
    }

    /** {@code client} with the header on every request. */
    public static TestRestTemplate withScriptHeader(TestRestTemplate client) {
        client.getRestTemplate().getInterceptors().add((request, body, execution) -> {
            request.getHeaders().set(CrossSiteRequests.HEADER, CrossSiteRequests.VALUE);
            return execution.execute(request, body);
        });
        return client;
    }
}
