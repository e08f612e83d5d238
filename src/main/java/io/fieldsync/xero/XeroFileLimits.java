package io.fieldsync.xero;

/** What Xero's Attachments API takes: the settings cap their values at these, the planner holds to them. */
public final class XeroFileLimits {

    /** What Xero takes per file. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** What Xero takes per document. */
    public static final int MAX_PER_DOCUMENT = 10;

    private XeroFileLimits() {
    }
}
