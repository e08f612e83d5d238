package io.fieldsync.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The connector's two databases. The state store ({@code spring.datasource.*}) is primary, so
 * Flyway and JPA use it and only it; the field-service database ({@code fieldsync.source.*}) is
 * read and written by routes through camel-sql and is never migrated. Each pool takes its Hikari
 * settings ({@code spring.datasource.hikari.*}, {@code fieldsync.source.hikari.*}) before it opens
 * its first connection: Hikari refuses most of them once started. Neither has a default in the
 * production jar: the embedded ones (H2, sample data) belong to the demo's classpath.
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
    public DataSource dataSource(DataSourceProperties stateDataSourceProperties, DatabaseTimeouts timeouts, Environment environment,
                                 SourceDatabaseSettings source, ObjectProvider<EmbeddedSourceDatabase> demo) {
        // the field-service database is what an operator sets first: with neither set, say that one
        embeddedSourceAskedFor(source, demo);
        if (!StringUtils.hasText(stateDataSourceProperties.getUrl())) {
            throw new StateStoreMissingException();
        }
        return DatabaseReachability.open("spring.datasource.url", stateDataSourceProperties.getUrl(), () -> {
            HikariDataSource state = stateDataSourceProperties.initializeDataSourceBuilder()
                    .type(HikariDataSource.class).build();
            bounded(state, state.getJdbcUrl(), timeouts);
            Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(state));
            state.setPoolName("state");
            return state;
        });
    }

    @Bean
    @ConfigurationProperties("fieldsync.source")
    public SourceDatabaseSettings sourceDatabaseSettings() {
        return new SourceDatabaseSettings();
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource sourceDataSource(SourceDatabaseSettings settings, ObjectProvider<EmbeddedSourceDatabase> embedded,
                                             DatabaseTimeouts timeouts, Environment environment) {
        EmbeddedSourceDatabase demo = embeddedSourceAskedFor(settings, embedded);
        String url = settings.isEmbedded() ? demo.url() : settings.getUrl();
        HikariDataSource source = DatabaseReachability.open("fieldsync.source.url", url, () -> {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("source");
            pool.setJdbcUrl(url);
            pool.setUsername(settings.isEmbedded() ? "sa" : settings.getUsername());
            pool.setPassword(settings.isEmbedded() ? "" : settings.getPassword());
            if (url != null && url.startsWith("jdbc:mysql:") && !url.contains("zeroDateTimeBehavior")) {
                // MySQL's "no date" (0000-00-00) reads as NULL, so one such row fails its own record,
                // not the read of every page after it (Connector/J's default throws)
                pool.addDataSourceProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
            }
            bounded(pool, url, timeouts);
            Binder.get(environment).bind("fieldsync.source.hikari", Bindable.ofInstance(pool));
            return pool;
        });
        if (settings.isEmbedded()) {
            demo.load(source);
        }
        return source;
    }

    /**
     * The embedded field-service database when no url is set and the demo (on its classpath only)
     * was asked for; null when a url is set. Neither: no start, with the setting to set.
     */
    private static EmbeddedSourceDatabase embeddedSourceAskedFor(SourceDatabaseSettings settings,
                                                                 ObjectProvider<EmbeddedSourceDatabase> embedded) {
        if (!settings.isEmbedded()) {
            return null;
        }
        EmbeddedSourceDatabase demo = embedded.getIfAvailable();
        if (demo == null || !demo.askedFor()) {
            throw new SourceDatabaseMissingException();
        }
        return demo;
    }

    /**
     * Connector/J's connect and socket timeouts (ms), before the pool's own settings so that
     * {@code *.hikari.data-source-properties.socketTimeout} still wins: a query on a half-open
     * socket fails after socketTimeout instead of hanging its run for good. An embedded H2 has no socket.
     */
    private static void bounded(HikariDataSource pool, String url, DatabaseTimeouts timeouts) {
        if (DatabaseTimeouts.isMysqlProtocol(url)) {
            pool.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connectTimeout().toMillis()));
            pool.addDataSourceProperty("socketTimeout", String.valueOf(timeouts.socketTimeout().toMillis()));
            // a batch of outcomes goes to the server as one multi-row statement, not one round trip a row;
            // each statement's SQL is parsed once per connection, not on every prepare; the driver keeps
            // autocommit and isolation in mind instead of asking the server before each transaction
            pool.addDataSourceProperty("rewriteBatchedStatements", "true");
            pool.addDataSourceProperty("cachePrepStmts", "true");
            pool.addDataSourceProperty("prepStmtCacheSize", "500");
            pool.addDataSourceProperty("prepStmtCacheSqlLimit", "4096");
            pool.addDataSourceProperty("useLocalSessionState", "true");
        }
    }
}
