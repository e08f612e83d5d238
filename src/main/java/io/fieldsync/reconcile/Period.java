package io.fieldsync.reconcile;

import java.time.LocalDate;
import java.util.Objects;

/** The days reconciled, both included, by the documents' own dates (invoice date, bill date). */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The calendar month before the one {@code day} is in: what the monthly report covers. */
    public static Period monthBefore(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1).minusMonths(1);
        return new Period(first, first.plusMonths(1).minusDays(1));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
