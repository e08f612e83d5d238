package io.fieldsync.xero;

/**
 * Xero answered 401 to a call (its access token expired or was revoked early): the stored token is
 * taken as expired, and the {@code xero-redelivery} route configuration makes the call once more,
 * which refreshes first. A second 401 after a fresh token ends the run; a refused refresh ends it
 * naming "reconnect needed".
 */
public class XeroUnauthorisedException extends XeroAnswerException {
    public XeroUnauthorisedException(String message) {
        super(message);
    }
}
