package io.fieldsync.xero;

/** Xero cannot be reached or refuses the connector's credentials: a person has to look. */
public class XeroConnectionException extends RuntimeException {
    public XeroConnectionException(String message) {
        super(message);
    }

    public XeroConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
