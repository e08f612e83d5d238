package io.fieldsync.config;

/**
 * No field-service database configured and no demo asked for: production must not fall back to
 * sample data. The demo is not in the production jar; it runs from the project.
 */
public class SourceDatabaseMissingException extends IllegalStateException {

    public SourceDatabaseMissingException() {
        super("no field-service database configured: set fieldsync.source.url (FIELDSYNC_SOURCE_URL) with its"
                + " .username and .password; the demo (sample data, Xero sandbox) runs from the project with mvn spring-boot:run");
    }
}
