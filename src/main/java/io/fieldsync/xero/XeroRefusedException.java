package io.fieldsync.xero;

/**
 * Xero understood the request and refused it (a 4xx other than authorisation, not found and
 * rate limits, e.g. a where filter it cannot parse): asking again changes nothing, and Xero's
 * words say why.
 */
public class XeroRefusedException extends XeroAnswerException {

    public XeroRefusedException(String message) {
        super(message);
    }
}
