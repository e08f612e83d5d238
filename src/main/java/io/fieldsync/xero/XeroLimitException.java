package io.fieldsync.xero;

/** A Xero limit stops the call before it is made; routes catch this to stop a run, not to retry it. */
public class XeroLimitException extends RuntimeException {
    public XeroLimitException(String message) {
        super(message);
    }
}
