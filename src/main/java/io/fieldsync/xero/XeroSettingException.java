package io.fieldsync.xero;

/** A Xero setting that makes the connector unable to start as configured; the message names the setting and the fix. */
public class XeroSettingException extends RuntimeException {
    public XeroSettingException(String message) {
        super(message);
    }
}
