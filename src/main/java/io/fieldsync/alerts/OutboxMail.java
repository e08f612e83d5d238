package io.fieldsync.alerts;

import org.springframework.stereotype.Component;

/**
 * What the deliver-alert-mail route needs to hand a message to camel-mail, from the settings as
 * they are at the moment of sending: the SMTP endpoint, the sender and the mailing list.
 */
@Component("outboxMail")
public class OutboxMail {

    private final AlertSettings settings;

    public OutboxMail(AlertSettings settings) {
        this.settings = settings;
    }

    /** Whether there is an SMTP server and someone to write to; otherwise messages stay internal. */
    public boolean enabled() {
        return settings.mailEnabled();
    }

    /**
     * The camel-mail endpoint. Credentials go in as RAW values, which Camel masks wherever it shows
     * an endpoint; this URI itself is never logged by FieldSync.
     */
    public String smtpUri() {
        StringBuilder uri = new StringBuilder("smtp://").append(settings.smtpHost()).append(':').append(settings.smtpPort())
                .append("?connectionTimeout=").append(settings.smtpTimeoutMs());
        if (!settings.smtpUsername().isEmpty()) {
            uri.append("&username=RAW(").append(settings.smtpUsername()).append(')')
                    .append("&password=RAW(").append(settings.smtpPassword()).append(')');
        }
        return uri.toString();
    }

    public String recipients() {
        if (settings.recipients().isEmpty()) {
            throw new IllegalStateException("fieldsync.alerts.recipients is empty: nobody to send the message to");
        }
        return String.join(",", settings.recipients());
    }

    public String sender() {
        return settings.from();
    }

}
