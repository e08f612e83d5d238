package io.fieldsync.config;

/** No state store configured: the production jar has no embedded database to fall back to. */
public class StateStoreMissingException extends IllegalStateException {

    public StateStoreMissingException() {
        super("no state store configured: set spring.datasource.url (SPRING_DATASOURCE_URL), a MySQL or MariaDB"
                + " database of the connector's own, with its .username and .password");
    }
}
