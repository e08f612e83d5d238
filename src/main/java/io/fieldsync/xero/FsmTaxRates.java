package io.fieldsync.xero;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The field-service database's tax codes and their rates in percent (10.0000 = 10 %), so that a
 * mapping to a Xero tax type can be held against the rate Xero would apply. Implemented where the
 * FSM database is read; {@code xero} knows nothing of it.
 */
public interface FsmTaxRates {

    /** FSM tax code -> its rate in percent. */
    Map<String, BigDecimal> byCode();
}
