package io.fieldsync.config;

/** No field-service database configured and no demo asked for: production must not fall back to sample data. */
public class SourceDatabaseMissingException extends IllegalStateException {

    public SourceDatabaseMissingException() {
        super("no field-service database configured: set fieldsync.source.url (FIELDSYNC_SOURCE_URL) with its"
                + " .username and .password, or start the demo on purpose with --spring.profiles.active=demo");
    }
}
