package io.fieldsync.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Spring Boot's log pattern with every secret masked in the whole formatted line: message,
 * exception messages and stack traces alike (see {@code logback-spring.xml}).
 */
public class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return SecretMasking.mask(super.doLayout(event));
    }
}
