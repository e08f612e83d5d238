package io.fieldsync.config;

import org.springframework.util.StringUtils;

/** {@code fieldsync.source.*}: where the field-service database is. No url: the demo's embedded one where the demo runs, else no start. */
public class SourceDatabaseSettings {

    private String url;
    private String username;
    private String password;
    /** The zone of the database's DATETIME values; empty: the server's own. */
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
}
