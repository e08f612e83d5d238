package io.fieldsync.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Xero's OpenAPI contract, parsed once per JVM: the spec is 900 KB and tests start many
 * sandboxes. The validator it builds is stateless, so all sandboxes share it.
 * A query parameter the operation does not declare is an error: Xero ignores it silently
 * ({@code POST /PurchaseOrders?unitdp=4} rounds unit prices to 2 decimals all the same).
 */
final class XeroContract {
    static final String SPEC_RESOURCE = "/xero/xero_accounting.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(XeroContract.class);

    private static volatile OpenApiInteractionValidator validator;
    private static volatile Duration parseTime;
    private static volatile Map<String, String> queryNames;

    /** The validator's key for a query parameter the operation does not declare (ignored by default). */
    static final String UNEXPECTED_QUERY_PARAMETER = "validation.request.parameter.query.unexpected";

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
                    String spec = readSpec();
                    local = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel(UNEXPECTED_QUERY_PARAMETER, ValidationReport.Level.ERROR).build())
                            .build();
                    queryNames = queryNames(spec);
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

    /**
     * The spec's spelling of a query parameter name, from any case ("unitdp", "summaryonly"):
     * Xero reads query names case-insensitively, the validator compares them exactly.
     */
    static String spelling(String name) {
        validator();
        return queryNames.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** Every query parameter name the spec declares, in its operations and its shared parameters. */
    private static Map<String, String> queryNames(String spec) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(spec);
            Map<String, String> names = new HashMap<>();
            collectQueryNames(root, names);
            return Map.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectQueryNames(JsonNode node, Map<String, String> names) {
        if (node.isObject() && "query".equals(node.path("in").asText()) && node.path("name").isTextual()) {
            names.putIfAbsent(node.path("name").asText().toLowerCase(Locale.ROOT), node.path("name").asText());
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectQueryNames(child, names));
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
