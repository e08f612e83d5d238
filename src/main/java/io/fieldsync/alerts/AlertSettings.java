package io.fieldsync.alerts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.AlertProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The {@code fieldsync.alerts.*} settings ({@link AlertProperties}), read on every use: the
 * settings API changes them at run time through a property source of its own, so nothing is
 * cached here.
 */
@Component("alertSettings")
public class AlertSettings {

    private final Environment environment;

    public AlertSettings(Environment environment) {
        this.environment = environment;
    }

    private AlertProperties current() {
        return LiveSettings.bind(environment, AlertProperties.class);
    }

    /** No SMTP host or no one to write to: messages stay internal notifications. */
    public boolean mailEnabled() {
        return StringUtils.hasText(smtpHost()) && !recipients().isEmpty();
    }

    public List<String> recipients() {
        String list = strip(current().recipients());
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String from() {
        return strip(current().from());
    }

    public String smtpHost() {
        return strip(current().smtpHost());
    }

    public int smtpPort() {
        return current().smtpPort();
    }

    public String smtpUsername() {
        return strip(current().smtpUsername());
    }

    /** Only ever handed to camel-mail through SmtpLogin; never logged, stored or shown. */
    String smtpPassword() {
        return strip(current().smtpPassword());
    }

    public int smtpTimeoutMs() {
        return current().smtpTimeoutMs();
    }

    public Duration repeatAfter() {
        return current().repeatAfter();
    }

    public int failingRuns() {
        return Math.max(1, current().failingRuns());
    }

    public boolean syncReport() {
        return current().syncReport();
    }

    public int reportMaxRecords() {
        return Math.max(1, current().reportMaxRecords());
    }

    /** Wait after the first failed attempt; doubles with every further one, up to {@link #retryMax()}. */
    public Duration retryAfter() {
        return current().retryAfter();
    }

    public Duration retryMax() {
        return current().retryMax();
    }

    /** A claim older than this belongs to a node that died while sending: another may take the message. */
    public Duration claimTimeout() {
        return current().claimTimeout();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
