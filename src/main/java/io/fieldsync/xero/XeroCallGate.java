package io.fieldsync.xero;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The rate governor seen from a route: {@link #before} waits for a permit, {@link #after} hands
 * it back with Xero's answer.
 */
@Component("xeroCallGate")
public class XeroCallGate {

    static final String PERMIT = "xeroPermit";

    private final RateGovernor governor;
    private final XeroConnection connection;
    private final XeroMetrics metrics;

    public XeroCallGate(RateGovernor governor, XeroConnection connection, XeroMetrics metrics) {
        this.governor = governor;
        this.connection = connection;
        this.metrics = metrics;
    }

    public void before(Exchange exchange) throws InterruptedException {
        exchange.setProperty(PERMIT, governor.acquire(connection.tenantId()));
    }

    public void after(Exchange exchange) {
        RateGovernor.Permit permit = exchange.getProperty(PERMIT, RateGovernor.Permit.class);
        if (permit == null) {
            return;
        }
        exchange.removeProperty(PERMIT);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int code = exchange.getException() != null || status == null ? 0 : status;
        governor.completed(permit, code, name -> exchange.getMessage().getHeader(name, String.class));
        metrics.called(permit.tenantId(), exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class),
                exchange.getProperty("xeroCollection", String.class), code, name -> exchange.getMessage().getHeader(name, String.class));
    }
}
