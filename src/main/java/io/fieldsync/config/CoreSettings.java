package io.fieldsync.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings records of this package, bound and validated at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FieldSyncProperties.class, DatabaseTimeouts.class})
public class CoreSettings {
}
