package io.fieldsync.settings;

import io.fieldsync.xero.XeroFileLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.attachments.*}: files of invoices and purchase orders (and a finished order's
 * files on its bill) going to their Xero documents. Changeable at run time (but chunk-bytes).
 * Defaults: application.yml.
 *
 * @param includeOnline invoice files are shown with the online invoice to the customer
 * @param maxBytes      the largest file sent, in bytes (Xero: 10 MB); larger ones are SKIPPED with the reason
 * @param fileTypes     the file types sent, comma-separated extensions (what Xero takes); others are SKIPPED
 * @param chunkBytes    bytes read from the database at a time while Xero receives them
 */
@Validated
@ConfigurationProperties("fieldsync.attachments")
public record AttachmentProperties(@NotNull Boolean includeOnline,
                                   @NotNull @Min(value = 1, message = "must be a whole number from 1 to " + XeroFileLimits.MAX_BYTES)
                                   @Max(value = XeroFileLimits.MAX_BYTES, message = "must be a whole number from 1 to " + XeroFileLimits.MAX_BYTES)
                                   Long maxBytes,
                                   @NotBlank @SettingFormat(SettingFormat.Kind.FILE_TYPES) String fileTypes,
                                   @ReadAtStart @NotNull @Positive Integer chunkBytes) {
}
