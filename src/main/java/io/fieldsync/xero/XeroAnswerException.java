package io.fieldsync.xero;

/** An answer from Xero that cannot be split into per-element results. */
public class XeroAnswerException extends RuntimeException {
    public XeroAnswerException(String message) {
        super(message);
    }

    public XeroAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
