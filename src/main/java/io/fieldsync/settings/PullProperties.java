package io.fieldsync.settings;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.pulls.*}: reads from Xero (contacts, items), If-Modified-Since each entity's
 * pull watermark less look-back. Defaults: application.yml.
 *
 * @param pageSize contacts read per page (Xero's most: 1000)
 * @param lookBack how far before the pull watermark a read starts (the watermark's own second is always read again)
 */
@Validated
@ConfigurationProperties("fieldsync.pulls")
public record PullProperties(@NotNull @Min(1) @Max(1000) Integer pageSize, @NotNull Duration lookBack) {
}
