package io.fieldsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SyncStepsTest {

    private final MockEnvironment settings = new MockEnvironment()
            .withProperty("fieldsync.entities.payment.direction", "both")
            .withProperty("fieldsync.entities.contact.direction", "pull")
            .withProperty("fieldsync.entities.item.direction", "off");
    private final SyncSteps steps = new SyncSteps(settings);

    @Test
    void aFullSyncPushesAndPullsWhatEachDirectionSays() {
        assertThat(steps.pushes("payment", "")).isTrue();
        assertThat(steps.pulls("payment", null)).isTrue();
        assertThat(steps.pushes("contact", "")).isFalse();
        assertThat(steps.pulls("contact", "")).isTrue();
        assertThat(steps.pushes("item", "")).isFalse();
        assertThat(steps.pulls("item", "")).isFalse();
        assertThat(steps.pushes("invoice", "")).as("push when no direction is set").isTrue();
    }

    @Test
    void aSyncOfSomeEntitiesTakesOnlyTheirSteps() {
        assertThat(steps.pushes("payment", "invoice,payment")).isTrue();
        assertThat(steps.pushes("invoice", "payment")).isFalse();
        assertThat(steps.pulls("payment", "contact")).isFalse();
    }

    @Test
    void aChangedDirectionAppliesToTheNextRun() {
        settings.setProperty("fieldsync.entities.payment.direction", " OFF ");
        assertThat(steps.pushes("payment", "")).isFalse();
        assertThat(steps.pulls("payment", "")).isFalse();
    }
}
