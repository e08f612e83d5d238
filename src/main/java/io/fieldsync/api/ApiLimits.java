package io.fieldsync.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code fieldsync.api.*}: how much one request may make the connector read or answer. A body is
 * refused (413) before it is read whole: at once when its Content-Length says it is too large,
 * else as soon as the bytes read pass the limit. Defaults: application.yml.
 *
 * @param maxBodySize        the largest body of an operator API call (settings trees, lists of
 *                           Xero ids to import); also Tomcat's limit for form posts
 * @param maxWebhookBodySize the largest body of a Xero webhook; Xero's events are a few hundred
 *                           bytes each and come a few at a time, so anything near this is no Xero event
 * @param maxPageSize        the largest size of a page of GET /api/records; more is a 400
 */
@ConfigurationProperties("fieldsync.api")
public record ApiLimits(@NotNull DataSize maxBodySize,
                        @NotNull DataSize maxWebhookBodySize,
                        @NotNull Integer maxPageSize) {

    public ApiLimits {
        if (maxBodySize == null || maxWebhookBodySize == null || maxPageSize == null
                || maxBodySize.toBytes() < 1 || maxWebhookBodySize.toBytes() < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("fieldsync.api: max-body-size, max-webhook-body-size and max-page-size must be set, above 0");
        }
    }

    /** "256 KB", "1 MB", "1500 bytes": a size for a person to read. */
    static String inWords(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
