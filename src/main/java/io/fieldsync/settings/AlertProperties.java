package io.fieldsync.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.alerts.*}: alerts and run reports. Changeable at run time: read through
 * {@link io.fieldsync.config.LiveSettings} at the moment of use. Defaults: application.yml.
 *
 * @param recipients       comma-separated mailing list for error alerts and sync reports
 * @param from             sender address
 * @param smtpHost         SMTP server; empty: messages stay internal notifications (GET /api/notifications)
 * @param smtpPort         SMTP port
 * @param smtpUsername     SMTP login, if the server wants one
 * @param smtpPassword     SMTP password; a secret: set it in the environment (FIELDSYNC_ALERTS_SMTP_PASSWORD)
 * @param smtpTimeoutMs    how long a mail attempt may wait for the SMTP server, in milliseconds
 * @param syncReport       a sync report (counts per entity and status) after every run, not only error reports
 * @param failingRuns      a record failing on this many runs in a row raises an alert
 * @param repeatAfter      a condition that persists alerts again after this long, not before
 * @param pollIntervalMs   how often the send-alerts route looks for messages to mail, in milliseconds
 * @param retryAfter       wait after a failed mail attempt, doubled per further attempt up to retry-max
 * @param retryMax         the longest wait between mail attempts
 * @param claimTimeout     a node that claimed a message and died: after this long another node may send it
 * @param reportMaxRecords failed records listed in one error report; the rest are counted
 */
@Validated
@ConfigurationProperties("fieldsync.alerts")
public record AlertProperties(@NotNull @SettingFormat(SettingFormat.Kind.EMAIL_LIST) String recipients,
                              @NotBlank @SettingFormat(SettingFormat.Kind.EMAIL) String from,
                              @NotNull @SettingFormat(SettingFormat.Kind.NO_SPACES) String smtpHost,
                              @NotNull @Min(value = 1, message = "must be a whole number from 1 to 65535")
                              @Max(value = 65535, message = "must be a whole number from 1 to 65535") Integer smtpPort,
                              @NotNull @SettingFormat(SettingFormat.Kind.NO_SPACES) String smtpUsername,
                              String smtpPassword,
                              @NotNull @Min(value = 100, message = "must be a whole number from 100 to 600000")
                              @Max(value = 600_000, message = "must be a whole number from 100 to 600000") Integer smtpTimeoutMs,
                              @NotNull Boolean syncReport,
                              @NotNull @Min(value = 1, message = "must be a whole number from 1 to 1000")
                              @Max(value = 1000, message = "must be a whole number from 1 to 1000") Integer failingRuns,
                              @NotNull Duration repeatAfter,
                              @ReadAtStart @NotNull @Positive Long pollIntervalMs,
                              @NotNull Duration retryAfter,
                              @NotNull Duration retryMax,
                              @NotNull Duration claimTimeout,
                              @NotNull @Min(value = 1, message = "must be a whole number from 1 to 10000")
                              @Max(value = 10_000, message = "must be a whole number from 1 to 10000") Integer reportMaxRecords) {

    public List<String> recipientList() {
        return Arrays.stream(recipients.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Without the password: settings end up in messages and logs. */
    @Override
    public String toString() {
        return "AlertProperties[recipients=" + recipients + ", from=" + from + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort
                + ", smtpUsername=" + smtpUsername + ", smtpPassword=" + (smtpPassword == null || smtpPassword.isEmpty() ? "(none)" : "****")
                + "]";
    }
}
