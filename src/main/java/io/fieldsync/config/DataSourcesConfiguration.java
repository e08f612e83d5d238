package io.fieldsync.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.fieldsync.demo.DemoSourceDatabase;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The connector's two databases. The state store ({@code spring.datasource.*}) is primary, so
 * Flyway and JPA use it and only it; the field-service database ({@code fieldsync.source.*}) is
 * read and written by routes through camel-sql and is never migrated.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourcesConfiguration {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    public DataSourceProperties stateDataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    public DataSource dataSource(DataSourceProperties stateDataSourceProperties) {
        HikariDataSource state = stateDataSourceProperties.initializeDataSourceBuilder()
                .type(HikariDataSource.class).build();
        state.setPoolName("state");
        return DatabaseReachability.verify(state, "spring.datasource.url");
    }

    @Bean
    @ConfigurationProperties("fieldsync.source")
    public SourceDatabaseSettings sourceDatabaseSettings() {
        return new SourceDatabaseSettings();
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource sourceDataSource(SourceDatabaseSettings settings, DemoSourceDatabase demo) {
        HikariDataSource source = new HikariDataSource();
        source.setPoolName("source");
        if (settings.isEmbedded()) {
            source.setJdbcUrl(DemoSourceDatabase.URL);
            source.setUsername("sa");
        } else {
            source.setJdbcUrl(settings.getUrl());
            source.setUsername(settings.getUsername());
            source.setPassword(settings.getPassword());
        }
        DatabaseReachability.verify(source, "fieldsync.source.url");
        if (settings.isEmbedded()) {
            demo.load(source);
        }
        return source;
    }
}
