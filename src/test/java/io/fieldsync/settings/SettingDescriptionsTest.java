package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the console's settings form is told of a setting comes from the records that declare it. */
class SettingDescriptionsTest {

    @Test
    void aChoiceListsTheValuesItsPatternAllows() {
        assertThat(SettingDescriptions.of("invoices.status")).hasValueSatisfying(d -> {
            assertThat(d.type()).isEqualTo("text");
            assertThat(d.values()).containsExactly("DRAFT", "AUTHORISED");
            assertThat(d.changeable()).isTrue();
        });
        assertThat(SettingDescriptions.of("entities.invoice.direction")).hasValueSatisfying(d ->
                assertThat(d.values()).containsExactly("push", "pull", "both", "off"));
    }

    @Test
    void numbersCarryTheirBoundsAndTextItsFormat() {
        assertThat(SettingDescriptions.of("alerts.smtp-port")).hasValueSatisfying(d -> {
            assertThat(d.type()).isEqualTo("integer");
            assertThat(d.min()).isEqualTo(1L);
            assertThat(d.max()).isEqualTo(65535L);
        });
        assertThat(SettingDescriptions.of("schedule.every")).hasValueSatisfying(d -> assertThat(d.type()).isEqualTo("duration"));
        assertThat(SettingDescriptions.of("schedule.start")).hasValueSatisfying(d -> assertThat(d.format()).isEqualTo("local-date-time"));
        assertThat(SettingDescriptions.of("invoices.send-tax")).hasValueSatisfying(d -> assertThat(d.type()).isEqualTo("boolean"));
    }

    @Test
    void aSettingReadAtStartIsNotChangeableAndAnUndeclaredOneIsNotDescribed() {
        assertThat(SettingDescriptions.of("alerts.poll-interval-ms")).hasValueSatisfying(d -> assertThat(d.changeable()).isFalse());
        assertThat(SettingDescriptions.of("xero.api-url")).isEmpty();
    }
}
