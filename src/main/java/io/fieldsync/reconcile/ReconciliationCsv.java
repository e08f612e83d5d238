package io.fieldsync.reconcile;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The report's rows as CSV for the accountant's spreadsheet: a header line, then one line per row (RFC 4180 quoting). */
@Component("reconciliationCsv")
public class ReconciliationCsv {

    public String render(ReconciliationReport report) {
        StringBuilder csv = new StringBuilder(line(Difference.COLUMNS));
        report.differences().forEach(row -> csv.append(line(row.values())));
        return csv.toString();
    }

    private static String line(List<String> values) {
        return values.stream().map(ReconciliationCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text; // a spreadsheet must not run a cell as a formula
        }
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
