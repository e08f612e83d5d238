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
     * The camel-mail endpoint. With a username, the login comes from {@link SmtpLogin} at send
     * time, so the password is in no URI.
     */
    public String smtpUri() {
        StringBuilder uri = new StringBuilder("smtp://").append(settings.smtpHost()).append(':').append(settings.smtpPort())
                .append("?connectionTimeout=").append(settings.smtpTimeoutMs());
        if (!settings.smtpUsername().isEmpty()) {
            uri.append("&authenticator=#smtpLogin");
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
