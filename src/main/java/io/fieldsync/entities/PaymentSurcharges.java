package io.fieldsync.entities;

import io.fieldsync.push.PushDocuments;
import org.springframework.stereotype.Component;

/**
 * The surcharge a customer paid on top of a card payment: Receive Money into the payment's bank
 * account on {@code fieldsync.payments.surcharges.account} ({@code mappings/payment-surcharge.to-xero.jsonata}).
 */
@Component
public class PaymentSurcharges extends PaymentCharges {

    public PaymentSurcharges(PushDocuments documents) {
        super(documents, "surcharge_amount", "surcharge");
    }

    @Override
    public String name() {
        return "payment-surcharge";
    }
}
