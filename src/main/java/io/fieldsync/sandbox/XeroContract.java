package io.fieldsync.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Xero's OpenAPI contract, parsed once per JVM: the spec is 900 KB and tests start many
 * sandboxes. The validator it builds is stateless, so all sandboxes share it.
 */
final class XeroContract {
    static final String SPEC_RESOURCE = "/xero/xero_accounting.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(XeroContract.class);

    private static volatile OpenApiInteractionValidator validator;
    private static volatile Duration parseTime;

    private XeroContract() {
    }

    static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator local = validator;
        if (local == null) {
            synchronized (XeroContract.class) {
                local = validator;
                if (local == null) {
                    quietValidatorInfoLogs();
                    long started = System.nanoTime();
                    local = OpenApiInteractionValidator.createForInlineApiSpecification(readSpec()).build();
                    parseTime = Duration.ofNanos(System.nanoTime() - started);
                    LOG.info("Parsed the Xero Accounting OpenAPI contract in {} ms", parseTime.toMillis());
                    validator = local;
                }
            }
        }
        return local;
    }

    /**
     * The validator logs at INFO on every request that the oauth2 scheme and octet-stream bodies
     * are not checked; the sandbox checks tokens itself and attachments are raw bytes, so those
     * lines are noise in a demo that runs for hours.
     */
    private static void quietValidatorInfoLogs() {
        for (String name : new String[]{"com.atlassian.oai.validator.interaction.request.SecurityValidator",
                "com.atlassian.oai.validator.interaction.request.RequestBodyValidator"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logback && logback.getLevel() == null) {
                logback.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /** How long the one parse took; null until it has happened. */
    static Duration parseTime() {
        return parseTime;
    }

    private static String readSpec() {
        try (InputStream in = XeroContract.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Xero contract not on the classpath: " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
