package io.fieldsync.sync;

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
}
