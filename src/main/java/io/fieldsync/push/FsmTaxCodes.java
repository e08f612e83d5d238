package io.fieldsync.push;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.fieldsync.xero.FsmTaxRates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The FSM's tax codes and their rates, read from {@code tax_codes} each time: a small table that an FSM user may change. */
@Component("fsmTaxCodes")
public class FsmTaxCodes implements FsmTaxRates {

    private final JdbcTemplate source;

    public FsmTaxCodes(@Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts) {
        this.source = timeouts.jdbcTemplate(source);
    }

    @Override
    public Map<String, BigDecimal> byCode() {
        Map<String, BigDecimal> rates = new HashMap<>();
        source.query("select code, rate from tax_codes", row -> {
            rates.put(row.getString("code"), row.getBigDecimal("rate"));
        });
        return rates;
    }
}
