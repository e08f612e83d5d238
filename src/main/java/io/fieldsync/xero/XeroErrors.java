package io.fieldsync.xero;

/** Short, log-safe renderings of Xero's error answers. */
final class XeroErrors {

    private static final int MAX = 300;

    private XeroErrors() {
    }

    /** An I/O failure in words; connection errors often carry no message of their own. */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String summary(String body) {
        if (body == null || body.isBlank()) {
            return "(empty answer)";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX ? flat.substring(0, MAX) + "..." : flat;
    }
}
