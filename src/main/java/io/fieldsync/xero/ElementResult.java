package io.fieldsync.xero;

import java.util.List;

/** What Xero said about one element of a batch: its id and number when OK, its messages otherwise. */
public record ElementResult(String status, String xeroId, String xeroNumber, List<String> messages) {

    public boolean isOk() {
        return "OK".equals(status) || "WARNING".equals(status);
    }
}
