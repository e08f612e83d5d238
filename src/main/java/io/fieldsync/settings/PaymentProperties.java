package io.fieldsync.settings;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.payments.*}: where payments, fees and surcharges go, and the payment import.
 * The accounts are changeable at run time (read through {@link io.fieldsync.config.LiveSettings});
 * whether they exist in Xero is checked against Xero. Defaults: application.yml.
 *
 * @param account            bank account code payments pushed to Xero go to
 * @param accounts           bank account code by FSM payment method (cash, card, eft, cheque,
 *                           stripe, other), where one differs from account, e.g. card: "091"
 * @param fees               card-processor fees (payments.fee_amount), spent from the payment's bank account
 * @param surcharges         surcharges the customer paid on top (surcharge_amount), received into it
 * @param importOnTimer      whether Xero payments are also imported between syncs, on a timer
 *                           (while entities.payment.direction is pull or both)
 * @param importIntervalMs   that timer's interval, in milliseconds
 * @param importPageSize     Xero payments read per call by the import
 * @param claimTimeout       an import that died leaves a claim on the payment it was writing;
 *                           another import takes it over after this long (or once its run ended)
 */
@Validated
@ConfigurationProperties("fieldsync.payments")
public record PaymentProperties(@NotBlank String account,
                                Map<String, String> accounts,
                                @NotNull @Valid Fees fees,
                                @NotNull @Valid Surcharges surcharges,
                                @ReadAtStart @NotNull Boolean importOnTimer,
                                @ReadAtStart @NotNull @Positive Long importIntervalMs,
                                @ReadAtStart @NotNull @Positive Integer importPageSize,
                                @ReadAtStart @NotNull Duration claimTimeout) {

    /**
     * Card-processor fees go out as Spend Money to account, paid to contact.
     *
     * @param account the expense account fees are coded to (e.g. 404 Bank Fees); empty: fees are not exported
     * @param contact the Xero contact the fees are paid to: the card processor
     */
    public record Fees(@NotNull String account,
                       @NotNull @Size(min = 1, max = 255, message = "must name the card processor's Xero contact in 1 to 255 characters")
                       @Pattern(regexp = "(?s).*\\S.*", message = "must name the card processor's Xero contact in 1 to 255 characters")
                       String contact) {
    }

    /**
     * Surcharges go in as Receive Money, coded to account.
     *
     * @param account the income account surcharges are coded to (e.g. 260); empty: not exported
     */
    public record Surcharges(@NotNull String account) {
    }
}
