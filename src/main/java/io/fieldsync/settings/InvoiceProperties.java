package io.fieldsync.settings;


import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.invoices.*}: how field-service invoices become Xero invoices. Changeable at run
 * time: read through {@link io.fieldsync.config.LiveSettings}. Defaults: application.yml.
 *
 * @param numbering        fsm: the FSM number is the Xero InvoiceNumber; xero: Xero numbers it and
 *                         the FSM number goes in the Reference
 * @param referencePrefix  prefix of the Reference when numbering is xero
 * @param status           the status invoices get in Xero: DRAFT or AUTHORISED
 * @param salesAccount     account code for lines without an item's own account (must exist in Xero)
 * @param sendTax          false: no TaxType is sent, so Xero's own defaults apply
 * @param technicianOnLines whether each line names the technician who did the work
 */
@Validated
@ConfigurationProperties("fieldsync.invoices")
public record InvoiceProperties(
        @NotNull @Pattern(regexp = "\\s*(fsm|xero)\\s*", message = "must be one of fsm, xero, not '${validatedValue}'") String numbering,
        @NotNull @Size(max = 20, message = "must be at most 20 characters") String referencePrefix,
        @NotNull @Pattern(regexp = "\\s*(DRAFT|AUTHORISED)\\s*", message = "must be one of AUTHORISED, DRAFT, not '${validatedValue}'") String status,
        @NotBlank String salesAccount,
        @NotNull Boolean sendTax,
        @NotNull Boolean technicianOnLines) {

    public boolean xeroNumbers() {
        return "xero".equalsIgnoreCase(numbering.trim());
    }
}
