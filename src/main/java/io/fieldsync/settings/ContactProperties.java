package io.fieldsync.settings;


import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.contacts.*}. Xero keeps contact names unique among active contacts. Changeable
 * at run time. Defaults: application.yml.
 *
 * @param duplicateNames suffix: a customer (or vendor) whose name another Xero contact has goes as
 *                       "Lachlan Ryan (C00123)", by its customer number, and keeps that name; fail:
 *                       Xero refuses it with its own words, and its invoices wait
 */
@Validated
@ConfigurationProperties("fieldsync.contacts")
public record ContactProperties(
        @NotNull @Pattern(regexp = "(?i)\\s*(suffix|fail)\\s*", message = "must be one of fail, suffix, not '${validatedValue}'") String duplicateNames) {

    public boolean suffixesDuplicateNames() {
        return !"fail".equalsIgnoreCase(duplicateNames.trim());
    }
}
