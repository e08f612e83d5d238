package io.fieldsync.settings;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.entities.<entity>.*}: per entity (contact, vendor, item, invoice, payment,
 * purchase-order, bill, attachment, bill-attachment, payment-fee, payment-surcharge) which way it
 * syncs and whose version wins. Changeable at run time. Defaults: application.yml.
 *
 * @param entities the rules by entity name
 */
@Validated
@ConfigurationProperties("fieldsync")
public record EntityProperties(@NotNull Map<String, @Valid Rule> entities) {

    /**
     * @param direction push, pull, both or off
     * @param master    fsm or xero: whose version wins where the two differ
     */
    public record Rule(
            @NotNull @Pattern(regexp = "(?i)\\s*(push|pull|both|off)\\s*", message = "must be one of both, off, pull, push, not '${validatedValue}'") String direction,
            @NotNull @Pattern(regexp = "(?i)\\s*(fsm|xero)\\s*", message = "must be one of fsm, xero, not '${validatedValue}'") String master) {
    }

    /** The entity's direction, lower case; push for an entity without a rule. */
    public String direction(String entity) {
        Rule rule = entities.get(entity);
        return rule == null || rule.direction() == null ? "push" : rule.direction().trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Which side wins for the entity, lower case; fsm for an entity without a rule. */
    public String master(String entity) {
        Rule rule = entities.get(entity);
        return rule == null || rule.master() == null ? "fsm" : rule.master().trim().toLowerCase(java.util.Locale.ROOT);
    }
}
