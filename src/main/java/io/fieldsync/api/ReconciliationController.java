package io.fieldsync.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.fieldsync.reconcile.Period;
import io.fieldsync.reconcile.ReconciliationCost;
import io.fieldsync.reconcile.ReconciliationCsv;
import io.fieldsync.reconcile.ReconciliationReport;
import io.fieldsync.reconcile.ReconciliationSummary;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation report of a period (any period whose estimated Xero calls today's budget
 * allows: a BAS quarter, a financial year; see {@link ReconciliationCost}), as JSON or, with
 * {@code Accept: text/csv} or {@code format=csv}, as CSV with the same rows. The work is the
 * {@code reconcile-period} route's, which the monthly schedule also uses.
 */
@RestController
public class ReconciliationController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ProducerTemplate camel;
    private final ReconciliationCsv csv;
    private final ReconciliationCost cost;

    public ReconciliationController(ProducerTemplate camel, ReconciliationCsv csv, ReconciliationCost cost) {
        this.camel = camel;
        this.csv = csv;
        this.cost = cost;
    }

    @GetMapping("/api/reports/reconciliation")
    public ResponseEntity<?> reconciliation(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String format,
                                            @RequestParam(defaultValue = "false") boolean summary,
                                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Period period = period(from, to);
        cost.check(period);
        if (summary) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReconciliationSummary.of(run(period)));
        }
        boolean asCsv = format != null ? format.equalsIgnoreCase("csv") : accept != null && accept.toLowerCase().contains("text/csv");
        if (format != null && !asCsv && !format.equalsIgnoreCase("json")) {
            throw new BadRequestException("format must be json or csv, not '" + format + "'", "format");
        }
        ReconciliationReport report = run(period);
        if (asCsv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + period.from() + "-" + period.to() + ".csv\"")
                    .body(csv.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** Reconciles the period and mails the report to the alert mailing list (through the alert outbox): 202 with the report. */
    @PostMapping("/api/reports/reconciliation/mail")
    public ResponseEntity<ReconciliationReport> mail(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = period(from, to);
        cost.check(period);
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(run("direct:mail-reconciliation", period));
    }

    private ReconciliationReport run(Period period) {
        return run("direct:reconcile-period", period);
    }

    private ReconciliationReport run(String route, Period period) {
        try {
            return camel.requestBody(route, period, ReconciliationReport.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // ApiErrors gives each its status and message
            }
            throw e;
        }
    }

    private static Period period(String from, String to) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        if (end.isBefore(start)) {
            throw new BadRequestException("'to' (" + end + ") is before 'from' (" + start + ")", "to");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("'" + field + "' is required: a date such as 2026-11-01", field);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + value + "' is not a date (2026-11-01)", field);
        }
    }
}
