package io.fieldsync.alerts;

import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;
import org.springframework.stereotype.Component;

/**
 * The SMTP login, handed to camel-mail as its authenticator and asked at every send: the password
 * never goes into an endpoint URI (which Camel lists in JMX and Hawtio), and a change through the
 * settings API applies to the next mail.
 */
@Component("smtpLogin")
public class SmtpLogin extends MailAuthenticator {

    private final AlertSettings settings;

    public SmtpLogin(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(settings.smtpUsername(), settings.smtpPassword());
    }
}
