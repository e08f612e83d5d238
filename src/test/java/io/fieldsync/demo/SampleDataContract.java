package io.fieldsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the sample data promises, checked against the rows a database actually holds after
 * {@link FieldServiceSchema#create} and {@link SampleData#writeTo}. Each database gets a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleDataContract {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 28);
    static final BigDecimal HUNDRED = new BigDecimal("100");
    /** Set up in the first days of the business, before its customers and their work. */
    static final Set<String> SET_UP_FIRST = Set.of("tax_codes", "vendors", "materials", "technicians");

    protected DataSource dataSource;
    protected JdbcTemplate jdbc;
    protected SampleData.Counts counts;

    /** A database with no field-service tables in it. */
    protected abstract DataSource emptyDatabase() throws Exception;

    @BeforeAll
    void loadDefaultSampleData() throws Exception {
        dataSource = emptyDatabase();
        long started = System.nanoTime();
        FieldServiceSchema.create(dataSource);
        counts = new SampleData(SampleDataSize.DEFAULT, TODAY).writeTo(dataSource);
        System.out.printf("%s: schema and sample data loaded in %d ms: %s%n", getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000, counts);
        jdbc = new JdbcTemplate(dataSource);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual, String what) {
        assertThat(actual).as(what).isEqualByComparingTo(expected);
    }

    @Test
    void reportsExactlyTheRowsItWrote() {
        for (String table : FieldServiceSchema.TABLES) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo(counts.of(table));
        }
        assertThat(counts.of("customers")).isEqualTo(40);
        assertThat(counts.of("invoices")).isEqualTo(300);
        assertThat(counts.of("purchase_orders")).isEqualTo(25);
        assertThat(counts.of("vendors")).isEqualTo(8);
        assertThat(counts.of("technicians")).isEqualTo(5);
        assertThat(counts.of("materials")).isBetween(55, 65);
        assertThat(counts.of("jobs")).isPositive();
        assertThat(counts.of("invoice_lines")).isBetween(300, 1800);
        assertThat(counts.of("payments")).isPositive();
        assertThat(counts.of("purchase_order_lines")).isGreaterThanOrEqualTo(25);
        assertThat(counts.of("attachments")).isGreaterThanOrEqualTo(8);
        assertThat(counts.total()).isEqualTo(counts.rowsPerTable().values().stream().mapToInt(i -> i).sum());
    }

    @Test
    void taxCodesIncludeGstGstFreeARetiredCodeAndOneXeroHasNoMatchFor() {
        assertThat(count("SELECT COUNT(*) FROM tax_codes WHERE code = 'GST' AND rate = 10 AND is_active = TRUE")).isOne();
        assertThat(count("SELECT COUNT(*) FROM tax_codes WHERE code = 'FRE' AND rate = 0 AND is_active = TRUE")).isOne();
        assertThat(count("SELECT COUNT(*) FROM tax_codes WHERE is_active = FALSE")).isOne();
        assertThat(count("SELECT COUNT(*) FROM tax_codes WHERE code = 'MIX5' AND rate = 5")).isOne();
    }

    @Test
    void customersMixCompaniesAndPeopleWithTheAwkwardCasesASyncMeets() {
        assertThat(count("SELECT COUNT(*) FROM customers WHERE company_name IS NOT NULL")).isGreaterThan(5);
        assertThat(count("SELECT COUNT(*) FROM customers WHERE company_name IS NULL "
                + "AND first_name IS NOT NULL AND last_name IS NOT NULL")).isGreaterThan(5);
        assertThat(jdbc.queryForList("SELECT customer_number FROM customers", String.class))
                .allMatch(n -> n.matches("C\\d{5}"));
        assertThat(count("SELECT COUNT(*) FROM customers WHERE email IS NULL")).isGreaterThan(1);
        List<String> emails = jdbc.queryForList("SELECT email FROM customers WHERE email IS NOT NULL", String.class);
        assertThat(emails.stream().filter(e -> !e.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}"))).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM customers WHERE deleted_at IS NOT NULL")).isOne();
        List<String> names = jdbc.queryForList(
                "SELECT COALESCE(company_name, CONCAT(first_name, ' ', last_name)) FROM customers", String.class);
        assertThat(names).contains("Zoë Nguyễn", "Crème Brûlée Pâtisserie & Café Pty Ltd");
        assertThat(names).anyMatch(n -> n.length() > 150);
        Map<Long, Integer> sitesPerCustomer = new HashMap<>();
        jdbc.query("SELECT customer_id, COUNT(*) AS n FROM sites GROUP BY customer_id",
                rs -> { sitesPerCustomer.put(rs.getLong(1), rs.getInt(2)); });
        assertThat(sitesPerCustomer).hasSizeBetween(10, 39);
        assertThat(sitesPerCustomer.values()).allMatch(n -> n >= 1 && n <= 3).contains(1, 2, 3);
    }

    @Test
    void vendorsAndTechniciansAreThereWithOneClosedSupplier() {
        assertThat(count("SELECT COUNT(*) FROM vendors WHERE deleted_at IS NOT NULL")).isOne();
        assertThat(count("SELECT COUNT(*) FROM technicians")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE status = 'completed'")).isGreaterThan(100);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM jobs", String.class))
                .containsExactlyInAnyOrder("completed", "scheduled", "in_progress", "cancelled");
    }

    @Test
    void materialsHavePartsServicesAndLabourIncludingCodesAndNamesTooLongForXero() {
        assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM materials", String.class))
                .containsExactlyInAnyOrder("part", "service", "labour");
        assertThat(count("SELECT COUNT(*) FROM materials WHERE CHAR_LENGTH(sku) > 30")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM materials WHERE CHAR_LENGTH(name) > 50")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM materials WHERE sku IS NULL")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM materials WHERE deleted_at IS NOT NULL")).isOne();
        assertThat(count("SELECT COUNT(*) FROM materials WHERE tax_code_id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM materials WHERE price_includes_tax = TRUE")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM materials WHERE price_includes_tax = FALSE")).isPositive();
    }

    @Test
    void invoicesCoverEveryStatusAndTheZeroNegativeAndInclusiveCases() {
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM invoices", String.class))
                .containsExactlyInAnyOrder("draft", "issued", "paid", "void");
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE total = 0")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE total = 0 AND status = 'paid'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE total < 0")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE amounts_include_tax = TRUE")).isGreaterThan(10);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE service_date IS NOT NULL")).isGreaterThan(200);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE site_id IS NOT NULL")).isGreaterThan(100);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE notes IS NOT NULL")).isGreaterThan(10);
        assertThat(jdbc.queryForList("SELECT invoice_number FROM invoices ORDER BY id", String.class))
                .allMatch(n -> n.matches("INV\\d{4}")).startsWith("INV0001");
    }

    @Test
    void invoiceLinesHaveMaterialsFreeTextTechniciansDiscountsAndTaxCodes() {
        assertThat(count("SELECT COUNT(*) FROM invoice_lines WHERE material_id IS NULL")).isGreaterThan(10);
        assertThat(count("SELECT COUNT(*) FROM invoice_lines l JOIN materials m ON m.id = l.material_id "
                + "WHERE m.kind = 'labour' AND l.technician_id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoice_lines WHERE technician_id IS NOT NULL")).isGreaterThan(50);
        assertThat(count("SELECT COUNT(*) FROM invoice_lines WHERE discount_percent IS NOT NULL")).isGreaterThan(20);
        assertThat(count("SELECT COUNT(*) FROM invoice_lines WHERE tax_code_id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoice_lines WHERE quantity < 0")).isPositive();
        Map<Long, Integer> linesPerInvoice = new HashMap<>();
        jdbc.query("SELECT invoice_id, COUNT(*) FROM invoice_lines GROUP BY invoice_id",
                rs -> { linesPerInvoice.put(rs.getLong(1), rs.getInt(2)); });
        assertThat(linesPerInvoice).hasSize(300);
        assertThat(linesPerInvoice.values()).allMatch(n -> n >= 1 && n <= 6).contains(1, 6);
    }

    @Test
    void everyLineTotalIsQuantityTimesPriceLessDiscountInCents() {
        jdbc.query("SELECT id, quantity, unit_price, discount_percent, line_total FROM invoice_lines", rs -> {
            BigDecimal amount = rs.getBigDecimal(2).multiply(rs.getBigDecimal(3));
            BigDecimal discount = rs.getBigDecimal(4);
            if (discount != null) {
                amount = amount.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
            }
            assertSameAmount(amount.setScale(2, RoundingMode.HALF_UP), rs.getBigDecimal(5), "line " + rs.getLong(1));
        });
    }

    @Test
    void invoiceTotalsEqualTheSumOfTheirLinesWithTaxWorkedOutPerLine() {
        Map<Long, BigDecimal[]> fromLines = new HashMap<>();   // sum of lines, tax of lines
        jdbc.query("SELECT l.invoice_id, l.line_total, t.rate, i.amounts_include_tax FROM invoice_lines l "
                + "JOIN tax_codes t ON t.id = l.tax_code_id JOIN invoices i ON i.id = l.invoice_id", rs -> {
            BigDecimal line = rs.getBigDecimal(2);
            BigDecimal rate = rs.getBigDecimal(3);
            BigDecimal tax = rs.getBoolean(4)
                    ? line.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP)
                    : line.multiply(rate).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
            fromLines.merge(rs.getLong(1), new BigDecimal[] {line, tax},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
        });
        jdbc.query("SELECT id, invoice_number, amounts_include_tax, subtotal, tax_total, total FROM invoices", rs -> {
            String number = rs.getString(2);
            BigDecimal[] lines = fromLines.get(rs.getLong(1));
            BigDecimal subtotal = rs.getBigDecimal(4);
            BigDecimal tax = rs.getBigDecimal(5);
            BigDecimal total = rs.getBigDecimal(6);
            assertSameAmount(rs.getBoolean(3) ? total : subtotal, lines[0], number + " sum of lines");
            assertSameAmount(lines[1], tax, number + " tax");
            assertSameAmount(subtotal.add(tax), total, number + " total");
        });
    }

    @Test
    void amountPaidEqualsThePaymentsAndPaidInvoicesArePaidInFull() {
        int[] partlyPaid = {0};
        jdbc.query("SELECT i.invoice_number, i.status, i.total, i.amount_paid, COALESCE(SUM(p.amount), 0), "
                + "COUNT(p.id) FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id "
                + "GROUP BY i.id, i.invoice_number, i.status, i.total, i.amount_paid", rs -> {
            String number = rs.getString(1);
            String status = rs.getString(2);
            BigDecimal total = rs.getBigDecimal(3);
            BigDecimal amountPaid = rs.getBigDecimal(4);
            assertSameAmount(rs.getBigDecimal(5), amountPaid, number + " amount_paid");
            switch (status) {
                case "paid" -> assertSameAmount(total, amountPaid, number + " paid in full");
                case "issued" -> {
                    assertThat(amountPaid.abs()).as(number).isLessThan(total.abs().max(new BigDecimal("0.01")));
                    if (amountPaid.signum() > 0) {
                        partlyPaid[0]++;
                    }
                }
                default -> assertThat(rs.getInt(6)).as(number + " " + status + " has no payments").isZero();
            }
        });
        assertThat(partlyPaid[0]).as("issued invoices partly paid").isPositive();
        assertThat(count("SELECT COUNT(*) FROM (SELECT invoice_id FROM payments GROUP BY invoice_id "
                + "HAVING COUNT(*) = 2) twice")).as("paid in two instalments").isPositive();
    }

    @Test
    void paymentsUseEveryMethodWithFeesAndSurchargesOnlyOnCards() {
        assertThat(jdbc.queryForList("SELECT DISTINCT method FROM payments", String.class))
                .containsExactlyInAnyOrder("cash", "card", "eft", "cheque", "stripe");
        assertThat(count("SELECT COUNT(*) FROM payments WHERE method IN ('card', 'stripe') AND fee_amount IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM payments WHERE method NOT IN ('card', 'stripe') "
                + "AND (fee_amount IS NOT NULL OR surcharge_amount IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM payments WHERE surcharge_amount IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM payments WHERE source <> 'fsm' OR external_ref IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id "
                + "WHERE p.paid_on < i.issue_date")).isZero();
    }

    @Test
    void purchaseOrdersCoverEveryStatusAndOnlyFinishedOnesHaveFinishedAt() {
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM purchase_orders", String.class))
                .containsExactlyInAnyOrder("draft", "ordered", "received", "finished", "cancelled");
        assertThat(count("SELECT COUNT(*) FROM purchase_orders WHERE (status = 'finished') <> (finished_at IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM purchase_orders WHERE delivery_date IS NOT NULL")).isGreaterThan(15);
        assertThat(count("SELECT COUNT(*) FROM purchase_orders WHERE delivery_address IS NOT NULL")).isGreaterThan(15);
        assertThat(count("SELECT COUNT(*) FROM purchase_orders po WHERE NOT EXISTS "
                + "(SELECT 1 FROM purchase_order_lines l WHERE l.purchase_order_id = po.id)")).isZero();
        jdbc.query("SELECT po.po_number, po.amounts_include_tax, po.subtotal, po.tax_total, po.total, SUM(l.line_total) "
                + "FROM purchase_orders po JOIN purchase_order_lines l ON l.purchase_order_id = po.id "
                + "GROUP BY po.id, po.po_number, po.amounts_include_tax, po.subtotal, po.tax_total, po.total", rs -> {
            BigDecimal subtotal = rs.getBigDecimal(3);
            BigDecimal total = rs.getBigDecimal(5);
            assertSameAmount(rs.getBoolean(2) ? total : subtotal, rs.getBigDecimal(6), rs.getString(1) + " lines");
            assertSameAmount(subtotal.add(rs.getBigDecimal(4)), total, rs.getString(1) + " total");
        });
    }

    @Test
    void attachmentsAreRealFilesWithTheirTypeAndSize() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        jdbc.query("SELECT file_name, content_type, size_bytes, content FROM attachments", rs -> {
            byte[] content = rs.getBytes(4);
            assertThat(rs.getLong(3)).as(rs.getString(1)).isEqualTo(content.length);
            files.put(rs.getString(2) + " " + rs.getString(1), content);
        });
        assertThat(jdbc.queryForList("SELECT DISTINCT owner_type FROM attachments", String.class))
                .containsExactlyInAnyOrder("invoice", "purchase_order", "job");
        assertThat(count("SELECT COUNT(*) FROM attachments WHERE deleted_at IS NOT NULL")).isOne();

        List<byte[]> pdfs = files.entrySet().stream().filter(e -> e.getKey().startsWith("application/pdf "))
                .map(Map.Entry::getValue).toList();
        assertThat(pdfs).hasSizeGreaterThanOrEqualTo(2).allSatisfy(SampleDataContract::assertReadablePdf);

        List<byte[]> images = files.entrySet().stream().filter(e -> e.getKey().startsWith("image/"))
                .map(Map.Entry::getValue).toList();
        assertThat(images).hasSizeGreaterThanOrEqualTo(3);
        for (byte[] image : images) {
            assertThat(ImageIO.read(new ByteArrayInputStream(image))).isNotNull()
                    .satisfies(i -> assertThat(i.getWidth()).isGreaterThan(100));
        }

        byte[] eml = files.entrySet().stream().filter(e -> e.getKey().startsWith("message/rfc822 "))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        String headers = new String(eml, StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertThat(headers).containsPattern("(?m)^From: .+@.+$").containsPattern("(?m)^Subject: Fwd: ")
                .containsPattern("(?m)^Date: ").containsPattern("(?m)^Message-ID: <.+>");

        byte[] docx = files.entrySet().stream().filter(e -> e.getKey().endsWith(".docx"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        Set<String> parts = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.add(entry.getName());
            }
        }
        assertThat(parts).contains("[Content_Types].xml", "word/document.xml");
        assertThat(files.keySet()).anyMatch(k -> k.startsWith("text/plain ") && k.endsWith(".txt"));
    }

    /** Header, trailer, and a cross-reference table whose offsets point at the objects. */
    static void assertReadablePdf(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
        assertThat(startxref.find()).isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 ");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
        int object = 0;
        while (entry.find()) {
            object++;
            assertThat(text.substring(Integer.parseInt(entry.group(1)))).startsWith(object + " 0 obj\n");
        }
        assertThat(object).isEqualTo(5);
        Matcher length = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(text);
        assertThat(length.find()).isTrue();
        assertThat(text.substring(length.end() + Integer.parseInt(length.group(1)))).startsWith("endstream");
    }

    @Test
    void everyForeignKeyAndEveryAttachmentOwnerExists() {
        String[][] references = {
                {"sites", "customer_id", "customers"}, {"materials", "tax_code_id", "tax_codes"},
                {"materials", "preferred_vendor_id", "vendors"}, {"jobs", "customer_id", "customers"},
                {"jobs", "site_id", "sites"}, {"jobs", "technician_id", "technicians"},
                {"invoices", "customer_id", "customers"}, {"invoices", "job_id", "jobs"},
                {"invoices", "site_id", "sites"}, {"invoice_lines", "invoice_id", "invoices"},
                {"invoice_lines", "material_id", "materials"}, {"invoice_lines", "tax_code_id", "tax_codes"},
                {"invoice_lines", "technician_id", "technicians"}, {"payments", "invoice_id", "invoices"},
                {"purchase_orders", "vendor_id", "vendors"}, {"purchase_orders", "job_id", "jobs"},
                {"purchase_order_lines", "purchase_order_id", "purchase_orders"},
                {"purchase_order_lines", "material_id", "materials"},
                {"purchase_order_lines", "tax_code_id", "tax_codes"}};
        for (String[] ref : references) {
            assertThat(count("SELECT COUNT(*) FROM " + ref[0] + " c WHERE c." + ref[1] + " IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM " + ref[2] + " p WHERE p.id = c." + ref[1] + ")"))
                    .as(ref[0] + "." + ref[1]).isZero();
        }
        for (String[] owner : new String[][] {{"invoice", "invoices"}, {"purchase_order", "purchase_orders"}, {"job", "jobs"}}) {
            assertThat(count("SELECT COUNT(*) FROM attachments a WHERE a.owner_type = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM " + owner[1] + " o WHERE o.id = a.owner_id)", owner[0])).as(owner[0]).isZero();
        }
        // the application keeps an invoice's site and job with its own customer
        assertThat(count("SELECT COUNT(*) FROM invoices i JOIN sites s ON s.id = i.site_id "
                + "WHERE s.customer_id <> i.customer_id")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoices i JOIN jobs j ON j.id = i.job_id "
                + "WHERE j.customer_id <> i.customer_id")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                + "WHERE i.created_at < c.created_at")).isZero();
    }

    @Test
    void everyRowIsDatedWithinTheNinetyDaysBeforeToday() {
        LocalDateTime from = TODAY.minusDays(90).atStartOfDay();
        LocalDateTime until = TODAY.atStartOfDay();
        for (String table : FieldServiceSchema.TABLES) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE created_at < ? OR updated_at >= ? "
                    + "OR updated_at < created_at", from, until)).as(table).isZero();
            assertThat(count("SELECT COUNT(DISTINCT CAST(created_at AS DATE)) FROM " + table)).as(table + " spread")
                    .isGreaterThanOrEqualTo(SET_UP_FIRST.contains(table) ? 1 : Math.min(10, counts.of(table) / 3));
        }
        assertThat(count("SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
                + "WHERE l.updated_at > i.updated_at")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE issue_date >= ? OR due_date < issue_date", TODAY)).isZero();
    }

    @Test
    void rowsAddedAfterTheLoadGetFreshIds() {
        long before = jdbc.queryForObject("SELECT MAX(id) FROM payments", Long.class);
        jdbc.update("INSERT INTO payments (invoice_id, amount, paid_on, method, source, external_ref) "
                + "VALUES (1, 1.00, ?, 'eft', 'xero', 'x-1')", TODAY);
        try {
            long added = jdbc.queryForObject("SELECT id FROM payments WHERE external_ref = 'x-1'", Long.class);
            assertThat(added).isGreaterThan(before);
        } finally {
            jdbc.update("DELETE FROM payments WHERE external_ref = 'x-1'");
        }
    }
}
