package io.fieldsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import io.fieldsync.state.RecordStatus;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RunProgress progress = new RunProgress(now::get);

    @Test
    void aRunNoStepHasBegunHasNoProgress() {
        assertThat(progress.of(7)).isEmpty();
    }

    @Test
    void showsTheCurrentStepAndTheRecordsWithAnOutcomeSoFar() {
        progress.stepStarted(7, "push", "contact");
        progress.recorded(7, RecordStatus.Outcome.SYNCED, 30);
        progress.recorded(7, RecordStatus.Outcome.PENDING, 5); // no outcome yet
        progress.stepStarted(7, "push", "invoice");
        progress.recorded(7, RecordStatus.Outcome.FAILED, 10);
        now.addAndGet(4_000);

        RunProgress.Progress shown = progress.of(7).orElseThrow();

        assertThat(shown.step()).isEqualTo("push");
        assertThat(shown.entity()).isEqualTo("invoice");
        assertThat(shown.done()).isEqualTo(40);
        assertThat(shown.recordsPerSecond()).isEqualTo(10.0);
        assertThat(shown.total()).isNull();
        assertThat(shown.secondsLeft()).isNull();
    }

    @Test
    void aStepThatKnowsItsRecordsGivesATotalAndTheSecondsLeft() {
        progress.stepStarted(7, "push", "contact");
        progress.recorded(7, RecordStatus.Outcome.SYNCED, 20);
        progress.stepStarted(7, "push", "invoice");
        progress.expect(7, 100);
        progress.recorded(7, RecordStatus.Outcome.SYNCED, 20);
        now.addAndGet(4_000);

        RunProgress.Progress shown = progress.of(7).orElseThrow();

        assertThat(shown.total()).isEqualTo(120); // 40 done, 80 of the invoices still to go
        assertThat(shown.secondsLeft()).isEqualTo(8); // at 10 a second
    }

    @Test
    void eachStepKeepsItsOwnOutcomesForTheTimeline() {
        progress.stepStarted(7, "pull", "contact");
        progress.recorded(7, RecordStatus.Outcome.SYNCED, 3);
        RunProgress.StepCounts pull = progress.stepStarted(7, "push", "contact");
        progress.recorded(7, RecordStatus.Outcome.SKIPPED, 2);
        progress.recorded(7, RecordStatus.Outcome.FAILED, 1);

        assertThat(pull).isEqualTo(new RunProgress.StepCounts(1, 3, 0, 0));
        assertThat(progress.ended(7)).isEqualTo(new RunProgress.StepCounts(2, 0, 1, 2));
        assertThat(progress.of(7)).isEmpty();
    }
}
