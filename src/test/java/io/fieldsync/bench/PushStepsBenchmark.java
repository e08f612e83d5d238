package io.fieldsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.mapping.MappingTemplates;
import io.fieldsync.mapping.XeroFieldLimits;
import io.fieldsync.mapping.XeroFieldValues;
import io.fieldsync.push.PayloadHashes;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroClientProperties;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroPayloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: the push's CPU steps for one page of 500 invoices of 3 to 6 lines, apart from any database
 * or HTTP: the mapping step (mappings/invoice.to-xero.jsonata with the run's $settings) and the
 * planner's own work on each mapped element (Xero's values, field limits, the payload hash) and
 * the batching. Time per page; divide by 500 for a record. Run it with
 * {@code mvn test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.fieldsync.bench.PushStepsBenchmark}
 * or from an IDE (main).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PushStepsBenchmark {

    private static final int PAGE = 500;
    private static final Map<String, Object> SETTINGS = Map.of("numbering", "fsm", "referencePrefix", "FS-",
            "status", "AUTHORISED", "sendTax", true, "technicianOnLines", true);

    private final ObjectMapper json = new ObjectMapper();
    private MappingTemplates mappings;
    private XeroFieldValues values;
    private XeroFieldLimits limits;
    private PayloadHashes hashes;
    private XeroPayloads payloads;
    private List<Map<String, Object>> documents;
    private List<Map<String, Object>> mapped;

    @Setup
    public void setUp() {
        mappings = new MappingTemplates("file:mappings", json);
        values = new XeroFieldValues();
        limits = new XeroFieldLimits();
        hashes = new PayloadHashes(json);
        payloads = new XeroPayloads(json, new XeroClientProperties(50, 3_500_000, null, null, Duration.ofMinutes(10), null,
                Duration.ofSeconds(5), null));
        documents = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            documents.add(invoice(i));
        }
        mapped = mapPage();
    }

    @Benchmark
    public List<Map<String, Object>> mapPage() {
        MappingTemplates.Bound template = mappings.withVariables("invoice.to-xero", Map.of("settings", SETTINGS));
        List<Map<String, Object>> elements = new ArrayList<>(PAGE);
        for (Map<String, Object> document : documents) {
            @SuppressWarnings("unchecked")
            Map<String, Object> element = (Map<String, Object>) template.apply(document);
            elements.add(element);
        }
        return elements;
    }

    @Benchmark
    public List<List<Outgoing>> planPage() throws Exception {
        XeroCollection invoices = XeroCollection.of("Invoices");
        List<Outgoing> send = new ArrayList<>(PAGE);
        for (int i = 0; i < mapped.size(); i++) {
            XeroFieldValues.Checked cleaned = values.check("Invoices", mapped.get(i));
            XeroFieldLimits.Checked checked = limits.check("Invoices", cleaned.element());
            Map<String, Object> element = checked.element();
            send.add(new Outgoing(i, element, hashes.withoutId(element, invoices), invoices.numberOf(element), List.of()));
        }
        return payloads.batches(send);
    }

    /** An invoice document as the push assembles it: the row, its customer, site, job and lines. */
    private static Map<String, Object> invoice(int i) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", i);
        invoice.put("invoice_number", "INV" + (100_000 + i));
        invoice.put("status", "issued");
        invoice.put("issue_date", "2026-10-03");
        invoice.put("due_date", i % 3 == 0 ? null : "2026-10-17");
        invoice.put("service_date", i % 2 == 0 ? "2026-10-01" : null);
        invoice.put("currency", "AUD");
        invoice.put("amounts_include_tax", i % 4 == 0);
        invoice.put("xero_id", null);
        invoice.put("customer", Map.of("id", i % 700, "customer_number", "C" + (i % 700),
                "xero_id", "5a3c1f6e-5d0c-4a47-9b53-" + String.format("%012d", i % 700)));
        invoice.put("site", i % 5 == 0 ? null : Map.of("label", "Home", "street", i + " Wharf Rd", "city", "Balmain",
                "region", "NSW", "postcode", "2041", "country", "AU"));
        invoice.put("job", Map.of("job_number", "J" + i, "title", "Hot water service"));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int n = 0; n < 3 + i % 4; n++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", i * 10 + n);
            line.put("line_no", n + 1);
            line.put("description", n == 0 ? "Labour – after hours ⏰" : "Rheem 315 L electric hot water unit " + n);
            line.put("quantity", 1.0 + n);
            line.put("unit_price", 95.125 + n);
            line.put("discount_percent", n == 1 ? 10.0 : null);
            line.put("account_code", "200");
            line.put("tax_type", "OUTPUT");
            line.put("item_code", n == 2 ? null : "LAB-" + n);
            line.put("technician", n == 0 ? Map.of("name", "Sam Ortiz") : null);
            lines.add(line);
        }
        invoice.put("lines", lines);
        return invoice;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(PushStepsBenchmark.class.getSimpleName()).build()).run();
    }
}
