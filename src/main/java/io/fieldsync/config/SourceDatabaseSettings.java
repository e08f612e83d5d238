package io.fieldsync.config;

import org.springframework.util.StringUtils;

/** {@code fieldsync.source.*}: where the field-service database is. No url: the demo's embedded one where the demo runs, else no start. */
public class SourceDatabaseSettings {

    /** JDBC URL of the field-service database (MySQL protocol); empty: no start, unless the demo is asked for. */
    private String url;
    /** The field-service database's user. */
    private String username;
    /** That user's password; a secret: set it in the environment (FIELDSYNC_SOURCE_PASSWORD). */
    private String password;
    /**
     * The field-service connection pool: any Hikari setting, as {@code spring.datasource.hikari.*}
     * for the state store (e.g. connection-timeout, how long a run waits for a connection).
     */
    private java.util.Map<String, String> hikari = new java.util.LinkedHashMap<>();
    /**
     * The time zone of the field-service database's DATETIME columns (Australia/Sydney, +10:00);
     * empty: the database server's own.
     */
    private String timeZone;

    public boolean isEmbedded() {
        return !StringUtils.hasText(url);
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }

    public java.util.Map<String, String> getHikari() { return hikari; }
    public void setHikari(java.util.Map<String, String> hikari) { this.hikari = hikari; }
}
