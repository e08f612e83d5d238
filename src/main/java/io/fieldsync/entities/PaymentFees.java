package io.fieldsync.entities;

import io.fieldsync.push.PushDocuments;
import org.springframework.stereotype.Component;

/**
 * A card payment's processor fee: Spend Money from the payment's bank account to
 * {@code fieldsync.payments.fees.account} ({@code mappings/payment-fee.to-xero.jsonata}).
 */
@Component
public class PaymentFees extends PaymentCharges {

    public PaymentFees(PushDocuments documents) {
        super(documents, "fee_amount", "card-processor fee");
    }

    @Override
    public String name() {
        return "payment-fee";
    }
}
