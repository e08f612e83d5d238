package io.fieldsync.settings;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.sync.*}: how a push reads the field-service database and how runs stay alive.
 * look-back and page-size are changeable at run time. Defaults: application.yml.
 *
 * @param lookBack            rows committed late by long transactions are read again within this window
 * @param pageSize            rows read from the field-service database per page
 * @param overlapPages        a push reads, maps and plans its next page while the page before it is
 *                            being delivered (false: one page after the other)
 * @param heartbeatIntervalMs a running sync's node writes a heartbeat this often, in milliseconds
 * @param staleAfter          a run without a heartbeat for this long (its node was killed or cut off)
 *                            is marked INTERRUPTED so the next run can start
 */
@Validated
@ConfigurationProperties("fieldsync.sync")
public record SyncProperties(@NotNull Duration lookBack,
                             @NotNull @Min(value = 1, message = "must be a whole number from 1 to 10000")
                             @Max(value = 10_000, message = "must be a whole number from 1 to 10000") Integer pageSize,
                             @NotNull Boolean overlapPages,
                             @ReadAtStart @NotNull @Positive Long heartbeatIntervalMs,
                             @ReadAtStart @NotNull Duration staleAfter) {
}
