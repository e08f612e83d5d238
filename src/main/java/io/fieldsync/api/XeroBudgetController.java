package io.fieldsync.api;

import java.util.List;

import io.fieldsync.xero.CallsPerMinute;
import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroConnection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How much of Xero's budget the connected organisation has used, as the rate governor counts it on this node. */
@RestController
public class XeroBudgetController {

    /** The day's and the window's limits and use, calls in flight, and the calls of each of the last 60 minutes. */
    public record Budget(int perDay, int usedToday, int reserve, int perWindow, int usedInWindow, Number windowSeconds,
                         int inFlight, List<CallsPerMinute.Minute> minutes) {
    }

    private final RateGovernor governor;
    private final XeroConnection connection;

    public XeroBudgetController(RateGovernor governor, XeroConnection connection) {
        this.governor = governor;
        this.connection = connection;
    }

    @GetMapping("/api/xero/budget")
    public Budget budget() {
        String tenant = connection.tenantId();
        return new Budget(governor.perDay(), governor.usedToday(tenant), governor.dailyReserve(), governor.perWindow(),
                governor.usedInWindow(tenant), governor.windowSeconds(), governor.inFlight(tenant),
                governor.callsLastHour(tenant));
    }
}
