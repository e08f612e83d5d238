package io.fieldsync.reconcile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.settings.ReconciliationProperties;
import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroReads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Xero's side of a period, read cheaply: one GET per page of up to 1,000 invoices of one Type,
 * filtered on the period's dates by Xero (voided and deleted ones included), never a call per
 * document. Before each call it checks the calls still needed against what the rate governor lets
 * syncs use today, and refuses rather than eat into the reserve.
 */
@Component("xeroBooks")
public class XeroBooks {

    /** The documents read and the Accounting API calls it took. */
    public record Read(List<XeroDocument> documents, int apiCalls) {
    }

    private final XeroReads xero;
    private final XeroConnection connection;
    private final RateGovernor governor;
    private final int pageSize;

    @Autowired
    public XeroBooks(XeroReads xero, XeroConnection connection, RateGovernor governor, ReconciliationProperties settings) {
        this(xero, connection, governor, settings.pageSize());
    }

    XeroBooks(XeroReads xero, XeroConnection connection, RateGovernor governor, int pageSize) {
        this.xero = xero;
        this.connection = connection;
        this.governor = governor;
        this.pageSize = Math.max(1, Math.min(1000, pageSize));
    }

    /** Xero's documents of the FSM books' kind dated in the period; the FSM's count sizes the first budget check. */
    public Read documents(FsmBooks.Books fsm, Period period) {
        return documents(fsm.kind(), period, fsm.documents().size());
    }

    /** Xero's documents of the kind dated in the period; {@code expected} sizes the first budget check. */
    public Read documents(DocumentKind kind, Period period, int expected) {
        String tenant = connection.tenantId();
        String where = "Date >= " + dateTime(period.from()) + " && Date < " + dateTime(period.to().plusDays(1))
                + " && Type == \"" + kind.xeroType() + "\"";
        List<XeroDocument> documents = new ArrayList<>();
        int pages = Math.max(1, (expected + pageSize - 1) / pageSize); // Xero may hold more: checked again after page 1
        int calls = 0;
        for (int page = 1; page <= pages; page++) {
            checkBudget(tenant, pages - page + 1, period, calls);
            JsonNode answer = xero.get("Invoices?page=" + page + "&pageSize=" + pageSize + "&includeArchived=true&where="
                    + URLEncoder.encode(where, StandardCharsets.UTF_8).replace("+", "%20"));
            calls++;
            JsonNode invoices = answer.path("Invoices");
            invoices.forEach(invoice -> documents.add(XeroDocument.of(invoice)));
            JsonNode pageCount = answer.path("pagination").path("pageCount");
            if (pageCount.isNumber()) {
                pages = pageCount.asInt();
            } else if (invoices.size() >= pageSize) {
                pages = page + 1; // no pagination block: a full page means there may be another
            }
        }
        return new Read(documents, calls);
    }

    private void checkBudget(String tenant, int callsNeeded, Period period, int callsUsed) {
        int available = governor.remainingToday(tenant) - governor.dailyReserve();
        if (callsNeeded > available) {
            throw new ReconciliationRefusedException("Reconciling " + period + " needs " + callsNeeded + " more Xero call"
                    + (callsNeeded == 1 ? "" : "s") + " (" + callsUsed + " used so far) but only " + Math.max(0, available)
                    + " are left today before the " + governor.dailyReserve() + " the rate governor keeps in reserve "
                    + "(fieldsync.xero.limits.daily-reserve) of Xero's " + governor.perDay()
                    + " a day; ask again tomorrow, or for a shorter period", callsNeeded, Math.max(0, available), null);
        }
    }

    /** Xero's where-clause date literal: DateTime(2026, 03, 01). */
    static String dateTime(LocalDate day) {
        return String.format("DateTime(%d, %02d, %02d)", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }
}
