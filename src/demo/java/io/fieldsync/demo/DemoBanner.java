package io.fieldsync.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says in a block no one misses that this is the demo, not a connection to the business's data or Xero. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnExpression(DemoMode.ON)
class DemoBanner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final String xero;

    DemoBanner(@Value("${fieldsync.sandbox.enabled:false}") boolean sandbox, @Value("${fieldsync.xero.api-url}") String apiUrl) {
        this.xero = sandbox ? "the in-process Xero sandbox (" + apiUrl + "), no real organisation" : apiUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        String rule = "=".repeat(100);
        log.warn("""

                {}
                  FIELDSYNC DEMO: not connected to your field-service database
                  field-service database: embedded, generated sample data (lost on restart)
                  Xero: {}
                  For production set fieldsync.source.url (FIELDSYNC_SOURCE_URL) and start without the demo profile.
                {}""", rule, xero, rule);
    }
}
