package io.fieldsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A record's message and warnings always fit their columns, however many problems it has. */
class RecordStatusTest {

    @Test
    void messageLongerThanItsColumnIsCutSayingHowMuchWasLeftOut() {
        String problems = "line 1: FSM tax code MIX5 (5.0000 %) has no Xero tax type; ".repeat(100);
        RecordStatus status = new RecordStatus(1L, "invoice", 17L);

        status.record(RecordStatus.Outcome.FAILED, problems, 3L);
        status.warn(problems);

        assertThat(status.getMessage()).hasSizeLessThanOrEqualTo(RecordStatus.TEXT_COLUMN)
                .startsWith("line 1: FSM tax code MIX5 (5.0000 %) has no Xero tax type; line 1:")
                .endsWith(" ... (" + (problems.length() - 3940) + " more characters not kept)");
        assertThat(status.getWarnings()).isEqualTo(status.getMessage());
    }

    @Test
    void messageWithinItsColumnIsKeptWhole() {
        RecordStatus status = new RecordStatus(1L, "contact", 7L);

        status.record(RecordStatus.Outcome.FAILED, "x".repeat(RecordStatus.TEXT_COLUMN), 3L);

        assertThat(status.getMessage()).isEqualTo("x".repeat(RecordStatus.TEXT_COLUMN));
    }

    @Test
    void onlyRecordsWaitingOnSomethingAreLookedAtAgainAndARetiredOneIsNot() {
        RecordStatus synced = new RecordStatus(1L, "attachment", 7L);
        synced.record(RecordStatus.Outcome.SYNCED, null, 1L);
        RecordStatus waiting = new RecordStatus(1L, "bill-attachment", 7L);
        waiting.skip(RecordStatus.SkipKind.DEPENDENCY, "the bill is not in Xero yet", 1L);
        RecordStatus unanswered = new RecordStatus(1L, "invoice", 8L);
        unanswered.attempting("hash", 1L);

        assertThat(synced.lookedAtAgain()).as("a synced file whose copy on a bill waits").isFalse();
        assertThat(waiting.lookedAtAgain()).isTrue();
        assertThat(unanswered.lookedAtAgain()).isTrue();

        unanswered.goneFromSource("The invoice with field-service id 8", 2L);
        assertThat(unanswered.lookedAtAgain()).as("retired, its attempt kept").isFalse();
        assertThat(unanswered.outcomeUnknown()).isTrue();
        assertThat(unanswered.getStatus()).isEqualTo(RecordStatus.Outcome.FAILED);
    }
}
