package io.fieldsync.reconcile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Puts the kinds' outcomes together into one report for the period. */
@Component("reconciliation")
public class Reconciliation {

    private final PeriodComparison comparison;

    public Reconciliation(PeriodComparison comparison) {
        this.comparison = comparison;
    }

    /** The report of one kind. */
    public ReconciliationReport report(Period period, FsmBooks.Books fsm, XeroBooks.Read xero) {
        return add(null, period, fsm, xero);
    }

    /** Compares one kind and adds it to {@code sofar} (null: the first kind of the report). */
    public ReconciliationReport add(ReconciliationReport sofar, Period period, FsmBooks.Books fsm, XeroBooks.Read xero) {
        PeriodComparison.Outcome outcome = comparison.compare(fsm.documents(), xero.documents(), fsm.linkedXeroIds(),
                fsm.linkedContacts());
        List<Difference> rows = new ArrayList<>(sofar == null ? List.of() : sofar.differences());
        rows.addAll(outcome.differences());
        return new ReconciliationReport(period.from(), period.to(),
                (sofar == null ? 0 : sofar.matched()) + outcome.matched(),
                (sofar == null ? 0 : sofar.apiCalls()) + xero.apiCalls(), rows);
    }
}
