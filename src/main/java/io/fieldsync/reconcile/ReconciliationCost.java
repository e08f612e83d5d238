package io.fieldsync.reconcile;

import java.util.ArrayList;
import java.util.List;

import io.fieldsync.settings.ReconciliationProperties;
import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a period costs in Xero calls, known before the first: a page of up to {@code page-size}
 * Xero documents per call, for each kind compared, sized by the field-service documents the
 * period holds. A period is limited by that cost against what syncs may still use today, not by
 * the calendar: a BAS quarter or a financial year usually costs a call or two per kind.
 */
@Component("reconciliationCost")
public class ReconciliationCost {

    /** The calls a period is estimated to take, and what the estimate is made of (e.g. "1 page of 240 invoices"). */
    public record Estimate(int calls, List<String> parts) {
    }

    private final FsmBooks fsm;
    private final ReconciliationDocuments documents;
    private final RateGovernor governor;
    private final XeroConnection connection;
    private final int pageSize;

    @Autowired
    public ReconciliationCost(FsmBooks fsm, ReconciliationDocuments documents, RateGovernor governor,
                              XeroConnection connection, ReconciliationProperties settings) {
        this(fsm, documents, governor, connection, settings.pageSize());
    }

    ReconciliationCost(FsmBooks fsm, ReconciliationDocuments documents, RateGovernor governor, XeroConnection connection,
                       int pageSize) {
        this.fsm = fsm;
        this.documents = documents;
        this.governor = governor;
        this.connection = connection;
        this.pageSize = Math.max(1, Math.min(1000, pageSize));
    }

    public Estimate estimate(Period period) {
        int calls = 0;
        List<String> parts = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            if (!documents.includes(kind.entity())) {
                continue;
            }
            int count = fsm.count(kind, period);
            int pages = Math.max(1, (count + pageSize - 1) / pageSize); // an empty period still asks once
            calls += pages;
            parts.add(pages + (pages == 1 ? " page" : " pages") + " of " + count + " " + kind.entity()
                    + (count == 1 ? "" : "s"));
        }
        return new Estimate(calls, parts);
    }

    /**
     * Refuses ({@link ReconciliationTooCostlyException}) a period whose estimate is more than the
     * calls syncs may still use today (the day's budget less the operators' reserve).
     */
    public Estimate check(Period period) {
        Estimate estimate = estimate(period);
        String tenant = connection.tenantId();
        int left = Math.max(0, governor.remainingToday(tenant) - governor.dailyReserve());
        if (estimate.calls() > left) {
            throw new ReconciliationTooCostlyException("Reconciling " + period + " would take an estimated "
                    + estimate.calls() + " Xero call" + (estimate.calls() == 1 ? "" : "s") + " ("
                    + String.join(", ", estimate.parts()) + ", " + pageSize + " a page) but only " + left
                    + " are left in today's budget (Xero's " + governor.perDay() + " a day less the "
                    + governor.dailyReserve() + " kept in reserve, fieldsync.xero.limits.daily-reserve); ask for a"
                    + " shorter period, or again tomorrow", estimate.calls(), left);
        }
        return estimate;
    }
}
