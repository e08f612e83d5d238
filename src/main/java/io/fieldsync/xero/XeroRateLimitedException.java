package io.fieldsync.xero;

/**
 * Xero answered 429. The rate governor has already blocked the organisation for Retry-After (or,
 * after a daily 429, will end the run at the next permit), so the redelivery itself need not wait.
 */
public class XeroRateLimitedException extends XeroUnavailableException {

    public XeroRateLimitedException(String message) {
        super(message);
    }
}
