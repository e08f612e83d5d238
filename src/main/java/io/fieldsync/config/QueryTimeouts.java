package io.fieldsync.config;

import org.apache.camel.CamelContext;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fieldsync.database.query-timeout} on every statement the runs make: camel-sql endpoints
 * (each has a JdbcTemplate of its own, which the sql component cannot default), JPA queries and
 * Spring's JdbcTemplate ({@code spring.jdbc.template.query-timeout} in application.yml). A
 * statement over the limit is cancelled and fails its run's step instead of holding it.
 */
@Configuration(proxyBeanMethods = false)
public class QueryTimeouts {

    @Bean
    CamelContextConfiguration sqlQueryTimeouts(DatabaseTimeouts timeouts) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                // also called for endpoints already made; an endpoint's own template.queryTimeout wins
                camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (endpoint instanceof SqlEndpoint sql && sql.getJdbcTemplate() != null
                            && sql.getJdbcTemplate().getQueryTimeout() <= 0) {
                        sql.getJdbcTemplate().setQueryTimeout(timeouts.querySeconds());
                    }
                    return endpoint;
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean
    HibernatePropertiesCustomizer jpaQueryTimeout(DatabaseTimeouts timeouts) {
        return properties -> properties.putIfAbsent("jakarta.persistence.query.timeout",
                (int) timeouts.queryTimeout().toMillis());
    }
}
