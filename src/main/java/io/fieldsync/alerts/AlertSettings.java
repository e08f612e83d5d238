package io.fieldsync.alerts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The {@code fieldsync.alerts.*} settings, read from the Environment on every use: the settings
 * API changes them at run time through a property source of its own, so nothing is cached here.
 */
@Component("alertSettings")
public class AlertSettings {

    private static final String PREFIX = "fieldsync.alerts.";

    private final Environment environment;

    public AlertSettings(Environment environment) {
        this.environment = environment;
    }

    /** No SMTP host or no one to write to: messages stay internal notifications. */
    public boolean mailEnabled() {
        return StringUtils.hasText(smtpHost()) && !recipients().isEmpty();
    }

    public List<String> recipients() {
        String list = text("recipients", "");
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String from() {
        return text("from", "fieldsync@localhost");
    }

    public String smtpHost() {
        return text("smtp-host", "");
    }

    public int smtpPort() {
        return environment.getProperty(PREFIX + "smtp-port", Integer.class, 25);
    }

    public String smtpUsername() {
        return text("smtp-username", "");
    }

    /** Only ever handed to camel-mail through SmtpLogin; never logged, stored or shown. */
    String smtpPassword() {
        return text("smtp-password", "");
    }

    public int smtpTimeoutMs() {
        return environment.getProperty(PREFIX + "smtp-timeout-ms", Integer.class, 10_000);
    }

    public Duration repeatAfter() {
        return duration("repeat-after", Duration.ofHours(6));
    }

    public int failingRuns() {
        return Math.max(1, environment.getProperty(PREFIX + "failing-runs", Integer.class, 3));
    }

    public boolean syncReport() {
        return environment.getProperty(PREFIX + "sync-report", Boolean.class, false);
    }

    public int reportMaxRecords() {
        return Math.max(1, environment.getProperty(PREFIX + "report-max-records", Integer.class, 200));
    }

    /** Wait after the first failed attempt; doubles with every further one, up to {@link #retryMax()}. */
    public Duration retryAfter() {
        return duration("retry-after", Duration.ofSeconds(30));
    }

    public Duration retryMax() {
        return duration("retry-max", Duration.ofHours(1));
    }

    /** A claim older than this belongs to a node that died while sending: another may take the message. */
    public Duration claimTimeout() {
        return duration("claim-timeout", Duration.ofMinutes(5));
    }

    private String text(String key, String fallback) {
        String value = environment.getProperty(PREFIX + key);
        return value == null ? fallback : value.strip();
    }

    private Duration duration(String key, Duration fallback) {
        String value = text(key, "");
        return value.isEmpty() ? fallback : Duration.parse(value);
    }
}
