package io.fieldsync.xero;

/**
 * A call to Xero that may work if made again: a 5xx (Xero's JSON or a gateway's HTML page), no
 * answer at all (timeout, reset, dropped after commit), or an answer too broken to read. The
 * {@code xero-redelivery} route configuration sends the same request again, with the same
 * Idempotency-Key, so a request Xero did take is answered from Xero's replay, not created twice.
 */
public class XeroUnavailableException extends RuntimeException {

    private String outcome = "";

    public XeroUnavailableException(String message) {
        super(message);
    }

    public XeroUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Adds what became of the request once redeliveries ran out, e.g. where it was kept. */
    public void gaveUp(String outcome) {
        this.outcome = " (" + outcome + ")";
    }

    @Override
    public String getMessage() {
        return super.getMessage() + outcome;
    }
}
