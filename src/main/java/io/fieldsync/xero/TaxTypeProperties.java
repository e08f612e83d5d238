package io.fieldsync.xero;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.tax-types.*} and {@code fieldsync.purchase-tax-types.*}: FSM tax code to Xero
 * TaxType, changeable at run time (read through {@link io.fieldsync.config.LiveSettings}). Whether
 * a type exists in Xero, and has the FSM code's rate, is checked against Xero by the settings API
 * and the start-up check, not here. Defaults: application.yml (the demo data's codes).
 *
 * @param taxTypes         FSM tax code to Xero TaxType for sales (invoices); an unlisted code is
 *                         matched by rate against Xero's tax rates when exactly one fits, else the
 *                         line fails rather than take Xero's default
 * @param purchaseTaxTypes FSM tax code to Xero TaxType for purchases (purchase orders, bills)
 */
@Validated
@ConfigurationProperties("fieldsync")
public record TaxTypeProperties(Map<String, String> taxTypes, Map<String, String> purchaseTaxTypes) {
}
