package io.fieldsync.settings;


import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.items.*}. Changeable at run time. Defaults: application.yml.
 *
 * @param purchaseAccount  account code of purchases of items without one of their own (must exist in Xero)
 * @param removeUnmatched  items kept only in Xero (entities.item direction pull, master xero): true
 *                         soft-deletes the materials no Xero item is linked to after each pull, so
 *                         Xero's catalogue replaces the FSM's
 */
@Validated
@ConfigurationProperties("fieldsync.items")
public record ItemProperties(@NotBlank String purchaseAccount, @NotNull Boolean removeUnmatched) {
}
