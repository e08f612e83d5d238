package io.fieldsync.settings;


import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.matching.*}: suggestions of FSM records to link to Xero ones. Defaults: application.yml.
 *
 * @param nameThreshold names at least this similar (0..1: Jaro-Winkler or word overlap, after
 *                      normalising case, accents, punctuation and Pty Ltd/Ltd/Inc) are suggested as
 *                      matches; they are never linked automatically
 */
@Validated
@ConfigurationProperties("fieldsync.matching")
public record MatchingProperties(@NotNull @DecimalMin("0") @DecimalMax("1") Double nameThreshold) {
}
