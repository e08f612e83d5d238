package io.fieldsync.alerts;

import org.apache.camel.util.URISupport;

/** Why a mail was not sent, in words safe to store and show: the SMTP password never appears. */
final class MailErrors {

    private MailErrors() {
    }

    static String describe(Throwable error, String password) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = error; e != null && text.length() < 2000; e = e.getCause() == e ? null : e.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            // each message on its own: a masked URI value runs to the end of its text
            text.append(e.getMessage() == null ? e.getClass().getSimpleName() : URISupport.sanitizeUri(e.getMessage()));
        }
        String safe = text.toString();
        return password == null || password.isEmpty() ? safe : safe.replace(password, "xxxxxx");
    }
}
