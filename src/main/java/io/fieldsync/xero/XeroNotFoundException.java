package io.fieldsync.xero;

/** Xero answered 404 to a GET of one document: it has no document with that id or number. */
public class XeroNotFoundException extends XeroAnswerException {
    public XeroNotFoundException(String message) {
        super(message);
    }
}
