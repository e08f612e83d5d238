package io.fieldsync.reconcile;

import java.time.LocalDate;
import java.time.ZoneId;

import io.fieldsync.settings.ScheduleProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The period the monthly report covers: last calendar month in the schedule's zone (empty: the system's). */
@Component("reconciliationPeriods")
public class ReconciliationPeriods {

    private final ZoneId zone;

    @Autowired
    public ReconciliationPeriods(ScheduleProperties schedule) {
        this(schedule.zone());
    }

    ReconciliationPeriods(String zone) {
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim());
    }

    public Period lastMonth() {
        return Period.monthBefore(LocalDate.now(zone));
    }
}
