package io.fieldsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.MaintenanceWindows;
import jakarta.persistence.LockTimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A scheduled or webhook sync that cannot start for a passing trouble (a matching run holding the
 * organisation's lock, the state store away for a moment) is tried again later for the same
 * requester, not dropped with a log line; one that cannot start for a reason of its own is not
 * tried again and again.
 */
class ScheduledSyncsTest {

    private final SyncRuns runs = mock(SyncRuns.class);
    private final SyncSchedule schedule = mock(SyncSchedule.class);
    private final MaintenanceWindows maintenance = mock(MaintenanceWindows.class);
    private final ScheduledSyncs syncs = new ScheduledSyncs(runs, schedule, maintenance);

    @Test
    void aStartThatWaitedTooLongForTheOrganisationsLockIsTriedAgainForTheSameRequester() throws Exception {
        when(maintenance.activeNow()).thenReturn(Optional.empty());
        when(runs.startOrOwe("Xero webhook (INVOICE UPDATE)")).thenThrow(new RuntimeException("could not start",
                new LockTimeoutException("Lock wait timeout exceeded; try restarting transaction")));
        Instant before = Instant.now();

        syncs.fire("Xero webhook (INVOICE UPDATE)");

        ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
        verify(schedule).tryAgainAt(at.capture(), eq("Xero webhook (INVOICE UPDATE)"));
        assertThat(at.getValue()).isBetween(before.plus(ScheduledSyncs.TRY_AGAIN_AFTER),
                Instant.now().plus(ScheduledSyncs.TRY_AGAIN_AFTER));
        assertThat(ScheduledSyncs.TRY_AGAIN_AFTER).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aStateStoreAwayForAMomentIsAPassingTroubleToo() throws Exception {
        when(maintenance.activeNow()).thenReturn(Optional.empty());
        when(runs.startOrOwe("schedule")).thenThrow(new CannotCreateTransactionException("no connection"));

        syncs.fire("schedule");

        verify(schedule).tryAgainAt(any(), eq("schedule"));
    }

    @Test
    void aStartRefusedForAReasonOfItsOwnIsNotTriedAgain() throws Exception {
        when(maintenance.activeNow()).thenReturn(Optional.empty());
        when(runs.startOrOwe("schedule")).thenThrow(new IllegalStateException("No Xero organisation is connected"));

        syncs.fire("schedule");

        verify(schedule, never()).tryAgainAt(any(), any());
    }
}
