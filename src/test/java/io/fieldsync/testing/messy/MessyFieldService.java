package io.fieldsync.testing.messy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.UncategorizedSQLException;

/**
 * A field-service database the way real ones look, not the way the demo's sample data does:
 * rows bulk-imported in the same second (thousands of invoices in one or two seconds, a share of
 * them at exactly the same microsecond, as one UPDATE ... SET updated_at = NOW(6) leaves them),
 * people who share a name (three "Lachlan Ryan"s, a customer with a supplier's name, two suppliers
 * of one name), accents, CJK and emoji, control characters and trailing spaces, e-mail addresses
 * Xero refuses, codes and names longer than Xero takes, soft-deleted rows, 4-decimal prices,
 * discounts, inclusive and exclusive amounts, $0 and negative invoices, invoices of 100+ lines,
 * MySQL's zero date and NULL wherever the reference schema allows it.
 * <p>
 * Deterministic: one {@link SplittableRandom} with a fixed seed, ids assigned here, every
 * timestamp set explicitly; the same size and seed always give the same rows. Totals are written
 * as Xero computes them (each line rounded to cents, tax per line), so an exported document must
 * arrive with exactly the field-service totals. Zero dates are written only where the database
 * takes them (MariaDB, MySQL without NO_ZERO_DATE), not on H2.
 */
public final class MessyFieldService {

    public static final long SEED = 17L;

    /** The second of the customers' bulk import; nothing is dated after the last bulk second. */
    public static final LocalDateTime CUSTOMER_IMPORT = LocalDateTime.of(2026, 11, 30, 22, 15, 7);
    /** The first second of the invoices' mass update; the others follow it one second apart. */
    public static final LocalDateTime INVOICE_UPDATE = LocalDateTime.of(2026, 11, 30, 22, 16, 41);
    /** The second of the payments' bulk import. */
    public static final LocalDateTime PAYMENT_IMPORT = LocalDateTime.of(2026, 11, 30, 22, 17, 3);
    /** The microsecond a share of each bulk second's rows have in common. */
    public static final int SHARED_MICROS = 123_456;

    /** A private customer three customers are called (the business has three of them). */
    public static final String SHARED_PERSON = "Lachlan Ryan";
    /** A company two customers are called, with two more spellings of it by other customers. */
    public static final String SHARED_COMPANY = "Outback Strata";
    /** A name that is both a customer's and a vendor's. */
    public static final String CUSTOMER_AND_VENDOR = "Harbourside Plumbing Supplies Pty Ltd";
    /** A name two vendors have. */
    public static final String SHARED_VENDOR = "Sparkline Electrical Wholesalers";
    /** E-mail addresses Xero refuses, each on a customer that must still reach Xero. */
    public static final List<String> BAD_EMAILS = List.of("bob@", "a b@x.com", "accounts at mailone.com.au",
            "a@two.com.au; b@two.com.au", "mia@@three.com.au", "ofﬁce@five.com.au", "sales@example", "jürgen@müller.de");

    /**
     * The rows each pushed entity gives an outcome for, as the FROM and WHERE of a query: every
     * record of these must end SYNCED, FAILED or SKIPPED after a full sync.
     */
    public static final Map<String, String> PUSHED_ROWS = pushedRows();

    private static Map<String, String> pushedRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("contact", "from customers");
        rows.put("vendor", "from vendors");
        rows.put("item", "from materials");
        rows.put("invoice", "from invoices");
        rows.put("payment", "from payments where source = 'fsm'");
        rows.put("purchase-order", "from purchase_orders");
        rows.put("bill", "from purchase_orders where status = 'finished'");
        return Collections.unmodifiableMap(rows);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);

    // tax codes as the sample business has them; MIX5 has no Xero tax type, WST is retired
    private static final int GST = 1;
    private static final int FRE = 2;
    private static final int EXP = 3;
    private static final int INP = 4;
    private static final int MIX5 = 6;
    private static final Map<Integer, BigDecimal> RATES = Map.of(GST, new BigDecimal("10.0000"),
            FRE, BigDecimal.ZERO, EXP, BigDecimal.ZERO, INP, BigDecimal.ZERO, 5, new BigDecimal("22.0000"),
            MIX5, new BigDecimal("5.0000"));

    private static final List<String> FIRST_NAMES = List.of("Lachlan", "Olivia", "Jack", "Charlotte", "Noah", "Mia",
            "William", "Amelia", "Oliver", "Isla", "Thomas", "Chloé", "Zoë", "Renée", "José", "Søren", "Siobhán",
            "Mei", "Priya", "Aroha", "Mohammed", "Fatima", "Ngaire", "Jürgen", "Łukasz", "Nguyễn Văn");
    private static final List<String> LAST_NAMES = List.of("Ryan", "Smith", "Nguyen", "Brown", "Wilson", "Taylor",
            "Chen", "Müller", "O'Brien", "García", "Lefèvre", "Kowalski", "Papadopoulos", "Ødegård", "Singh", "Kaur",
            "Tan", "Te Rangi", "MacDonald", "D'Souza");
    private static final List<String> SUBURBS = List.of("Parramatta", "Bondi", "Fremantle", "Toowoomba", "Ballarat",
            "Woolloongabba", "Mooloolaba", "Wagga Wagga", "Surry Hills", "Glenelg", "Cronulla", "Manly");
    private static final List<String> COMPANY_PATTERNS = List.of("%s Plumbing", "%s Strata Management", "%s Pool Care 🏊",
            "%s Electrical Pty Ltd", "%s & Sons", "Café %s", "%s Body Corporate", "%s Dental Group", "%s Motel");
    private static final List<String> ODD_COMPANIES = List.of("Sunny ☀️ Café", "東京ラーメン Pty Ltd", "北京烤鸭 Restaurant",
            "Crème Brûlée Pâtisserie & Café Pty Ltd", "Bell\u0007 & Sons\u0000 Plumbing", "Coastal\r\nPools",
            "Trailing Space Pty Ltd   ", "\tTabbed Holdings", "Ünïcödé Strata Services", "🐨 Koala Kindergarten",
            "김밥 Kitchen", "Smith & Co.", "SMITH & CO");
    private static final List<String> FREE_TEXT = List.of("Call-out fee", "Labour – after hours ⏰", "Disposal of old unit",
            "Travel: Wagga Wagga → Griffith", "Parts as per quote Q-1042", "水泵密封件 replacement", "Emergency 🚨 attendance",
            "Site clean-up\u0000", "Pipe relined\tper metre", "Consumables  ", "Nettoyage – filtre à sable", "Misc.");

    private final MessySize size;
    private final SplittableRandom random;

    private final Rows taxCodes = new Rows("tax_codes", "id", "code", "name", "rate", "is_active", "created_at", "updated_at");
    private final Rows customers = new Rows("customers", "id", "customer_number", "company_name", "first_name",
            "last_name", "email", "phone", "mobile", "tax_number", "billing_street", "billing_city", "billing_region",
            "billing_postcode", "billing_country", "notes", "created_at", "updated_at", "deleted_at");
    private final Rows sites = new Rows("sites", "id", "customer_id", "label", "street", "city", "region",
            "postcode", "country", "created_at", "updated_at");
    private final Rows vendors = new Rows("vendors", "id", "name", "email", "phone", "tax_number", "street",
            "city", "region", "postcode", "country", "created_at", "updated_at", "deleted_at");
    private final Rows materials = new Rows("materials", "id", "sku", "name", "description", "kind",
            "sell_price", "cost_price", "price_includes_tax", "tax_code_id", "preferred_vendor_id", "created_at",
            "updated_at", "deleted_at");
    private final Rows technicians = new Rows("technicians", "id", "name", "email", "created_at", "updated_at");
    private final Rows jobs = new Rows("jobs", "id", "job_number", "customer_id", "site_id", "technician_id",
            "title", "description", "status", "scheduled_for", "completed_at", "created_at", "updated_at");
    private final Rows invoices = new Rows("invoices", "id", "invoice_number", "customer_id", "job_id", "site_id",
            "status", "issue_date", "due_date", "service_date", "currency", "amounts_include_tax", "notes",
            "subtotal", "tax_total", "total", "amount_paid", "created_at", "updated_at");
    private final Rows invoiceLines = new Rows("invoice_lines", "id", "invoice_id", "line_no", "material_id",
            "technician_id", "description", "quantity", "unit_price", "discount_percent", "tax_code_id",
            "line_total", "created_at", "updated_at");
    private final Rows payments = new Rows("payments", "id", "invoice_id", "amount", "paid_on", "method",
            "reference", "fee_amount", "surcharge_amount", "source", "external_ref", "created_at", "updated_at",
            "deleted_at");
    private final Rows purchaseOrders = new Rows("purchase_orders", "id", "po_number", "vendor_id", "job_id",
            "status", "issue_date", "delivery_date", "currency", "amounts_include_tax", "delivery_address", "notes",
            "subtotal", "tax_total", "total", "finished_at", "created_at", "updated_at");
    private final Rows purchaseOrderLines = new Rows("purchase_order_lines", "id", "purchase_order_id", "line_no",
            "material_id", "description", "quantity", "unit_cost", "tax_code_id", "line_total", "created_at",
            "updated_at");
    private final Rows attachments = new Rows("attachments", "id", "owner_type", "owner_id", "file_name",
            "content_type", "size_bytes", "content", "created_at", "updated_at", "deleted_at");

    /** Zero dates, written after the rows by an UPDATE where the database takes them: "table.column" -> ids. */
    private final Map<String, List<Long>> zeroDates = new LinkedHashMap<>();

    private record Customer(long id, List<Long> siteIds) {
    }

    private record Material(long id, String name, BigDecimal sell, BigDecimal cost, boolean inclusive, Integer taxCode,
                            boolean deleted) {
    }

    private record Line(Long materialId, Long technicianId, String description, BigDecimal quantity,
                        BigDecimal unitPrice, BigDecimal discount, int taxCode) {
    }

    private record Totals(List<BigDecimal> lineTotals, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    private final List<Customer> customerList = new ArrayList<>();
    private final List<Material> materialList = new ArrayList<>();
    private int technicianCount;

    public MessyFieldService(MessySize size) {
        this(size, SEED);
    }

    public MessyFieldService(MessySize size, long seed) {
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    public MessySize size() {
        return size;
    }

    /** Inserts every row in one transaction into an empty reference schema; rolls back on any failure. */
    public Written writeTo(DataSource dataSource) {
        List<Rows> tables = build();
        String table = null;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (Rows rows : tables) {
                    table = rows.name;
                    rows.insertInto(connection);
                }
                table = "zero dates";
                boolean zeroDatesTaken = !connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                        .contains("h2");
                if (zeroDatesTaken) {
                    writeZeroDates(connection);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("write messy field-service data into " + table, null, e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach(rows -> counts.put(rows.name, rows.rows.size()));
        return new Written(counts);
    }

    /** Rows written per table, in insert order. */
    public record Written(Map<String, Integer> rowsPerTable) {
        public Written {
            rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        }

        public int of(String table) {
            return rowsPerTable.getOrDefault(table, 0);
        }

        public int total() {
            return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return rowsPerTable.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    private List<Rows> build() {
        addTaxCodes();
        addTechnicians();
        addCustomers();
        addVendors();
        addMaterials();
        addInvoices();
        addPurchaseOrders();
        return List.of(taxCodes, customers, sites, vendors, materials, technicians, jobs, invoices, invoiceLines,
                payments, purchaseOrders, purchaseOrderLines, attachments);
    }

    private void writeZeroDates(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<Long>> zero : zeroDates.entrySet()) {
                if (zero.getValue().isEmpty()) {
                    continue;
                }
                String[] tableColumn = zero.getKey().split("\\.");
                String ids = zero.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "));
                // updated_at = updated_at: the row keeps its own moment instead of ON UPDATE's now
                statement.executeUpdate("update " + tableColumn[0] + " set " + tableColumn[1] + " = '0000-00-00',"
                        + " updated_at = updated_at where id in (" + ids + ")");
            }
        }
    }

    // ---------------------------------------------------------------- reference data

    private void addTaxCodes() {
        LocalDateTime at = FIRST_DAY.atTime(8, 0);
        taxCodes.add(GST, "GST", "GST on income (10%)", RATES.get(GST), true, at, at);
        taxCodes.add(FRE, "FRE", "GST free", RATES.get(FRE), true, at, at);
        taxCodes.add(EXP, "EXP", "GST free export", RATES.get(EXP), true, at, at);
        taxCodes.add(INP, "INP", "Input taxed", RATES.get(INP), true, at, at);
        taxCodes.add(5, "WST", "Wholesale sales tax (retired)", RATES.get(5), false, at, at);
        taxCodes.add(MIX5, "MIX5", "Mixed supply, half GST (5%)", RATES.get(MIX5), true, at, at);
    }

    private void addTechnicians() {
        List<String> names = List.of("Liam O'Connor", "Priya Raman", "Tomás García", "Nguyễn Thị Mai", "李娜",
                "Jack \"Jacko\" Thompson ", "Zoë Ødegård");
        LocalDateTime at = FIRST_DAY.atTime(8, 0);
        for (String name : names) {
            technicians.add((long) ++technicianCount, name, chance(0.3) ? null : slug(name) + "@aquavolt.com.au", at, at);
        }
    }

    // ---------------------------------------------------------------- customers

    private void addCustomers() {
        int n = size.customers();
        long siteId = 0;
        for (int i = 0; i < n; i++) {
            long id = i + 1;
            String number = i % 53 == 52 ? null : String.format(Locale.ROOT, "C%05d", id);
            String company = null;
            String first = null;
            String last = null;
            // the named cases first, at fixed positions, then the ordinary mess
            switch (i) {
                case 3, 17, 41 -> { first = "Lachlan"; last = i == 41 ? "Ryan  " : "Ryan"; }
                case 5, 29 -> company = SHARED_COMPANY;
                case 30 -> company = SHARED_COMPANY + " Pty Ltd";
                case 31 -> company = "outback strata ";
                case 7 -> company = CUSTOMER_AND_VENDOR;
                case 8, 9 -> company = longName();
                case 10, 11, 12 -> { }                              // no name at all
                case 13 -> company = "   ";                         // a name of spaces
                case 14 -> { first = "健"; last = "佐藤"; }
                case 15 -> { first = "민준"; last = "김"; }
                case 16 -> { first = "王伟"; }
                default -> {
                    if (i >= 18 && i < 18 + ODD_COMPANIES.size()) {
                        company = ODD_COMPANIES.get(i - 18);
                    } else if (chance(0.4)) {
                        company = String.format(pick(COMPANY_PATTERNS), pick(SUBURBS));
                    } else {
                        first = pick(FIRST_NAMES);
                        last = chance(0.03) ? pick(LAST_NAMES) + " " : pick(LAST_NAMES);
                        if (chance(0.05)) {
                            company = "";                           // an empty company name, not NULL
                        }
                    }
                }
            }
            if (company != null && chance(0.2) && i > 60 && first == null) {
                first = pick(FIRST_NAMES);                          // a contact person at the company
                last = pick(LAST_NAMES);
            }
            String email;
            if (i >= 60 && i < 60 + BAD_EMAILS.size()) {
                email = BAD_EMAILS.get(i - 60);
            } else {
                double r = random.nextDouble();
                String local = slug(first != null ? first + "." + (last == null ? "" : last) : company == null ? "x" : company);
                email = r < 0.15 ? null : r < 0.18 ? "" : r < 0.20 ? "  " + local + "@example.com.au  "
                        : (local.isEmpty() ? "accounts" : local) + id + "@example.com.au";
            }
            String phone = chance(0.3) ? null : chance(0.05) ? "ask for Bob – 0412 345 678 (after 5pm)"
                    : String.format(Locale.ROOT, "(0%d) %04d %04d", between(2, 8), between(0, 9999), between(0, 9999));
            String mobile = chance(0.5) ? null : String.format(Locale.ROOT, "04%02d %03d %03d", between(0, 99),
                    between(0, 999), between(0, 999));
            String taxNumber = company == null || chance(0.5) ? null : chance(0.1) ? "ABN pending" : abn();
            String suburb = pick(SUBURBS);
            boolean noAddress = chance(0.15);
            String street = noAddress ? null : chance(0.1) ? "Level " + between(1, 20) + "\n" + between(1, 300) + " George St"
                    : chance(0.05) ? "Unit 4/12 Rue de l'Église  " : between(1, 300) + " " + pick(List.of("King St",
                    "Smith Rd", "Ōrākei Ave", "Esplanade", "Pacific Hwy"));
            String notes = chance(0.8) ? null : pick(List.of("Gate code 2580#", "Dog 🐕 in yard!", "Pays late\u0000",
                    "Prefers e-mail\r\nNo calls before 9"));
            // bulk import: nearly all customers in one second, a third at one microsecond
            LocalDateTime created = moment(FIRST_DAY.plusDays(between(0, 60)));
            LocalDateTime updated = i % 12 == 11 ? moment(LAST_DAY.minusDays(between(1, 20)))
                    : bulk(CUSTOMER_IMPORT, i, i % 3 == 0);
            if (updated.isBefore(created)) {
                created = updated.minusDays(1);
            }
            boolean deleted = i >= 70 && chance(0.04);
            customers.add(id, number, company, first, last, email, phone, mobile, taxNumber,
                    street, noAddress ? null : suburb, noAddress ? null : pick(List.of("NSW", "VIC", "QLD", "WA", "SA")),
                    noAddress ? null : String.valueOf(between(2000, 6999)), noAddress || chance(0.7) ? null : "Australia",
                    notes, created, updated, deleted ? updated : null);
            List<Long> siteIds = new ArrayList<>();
            for (int s = between(0, 2); s > 0; s--) {
                siteIds.add(++siteId);
                sites.add(siteId, id, chance(0.5) ? null : pick(List.of("Home", "Pool", "Shop 3", "Büro")),
                        between(1, 300) + " " + pick(List.of("Beach Rd", "Rue Sainte-Catherine", "Main St\n(rear)",
                                "Ōrākei Ave")), pick(SUBURBS), chance(0.3) ? null : "NSW",
                        chance(0.2) ? null : String.valueOf(between(2000, 2999)), null, created, created);
            }
            customerList.add(new Customer(id, siteIds));
        }
    }

    private String longName() {
        // the longest company name the schema takes; two customers have it
        String base = "The Trustee for the Wagga Wagga & Murrumbidgee Riverina Regional Family Discretionary Trust"
                + " trading as Riverina Plumbing, Gasfitting, Drainage, Roofing, Solar Hot Water & Backflow Prevention"
                + " Services of New South Wales and the Australian Capital Territory ";
        return (base + "Pty Limited (ACN 000 000 000)").substring(0, 255);
    }

    // ---------------------------------------------------------------- vendors

    private void addVendors() {
        List<String> named = List.of(CUSTOMER_AND_VENDOR, SHARED_VENDOR, SHARED_VENDOR, "Poolmart Trade Supplies",
                "Bluewater Chemicals Pty Ltd   ", "Ümlaut Armaturen GmbH", "深圳水泵有限公司", "Metro Tool & Equipment Hire 🔨",
                "Orders Co", "", "  ", "Coastal Skip Bins");
        for (int i = 0; i < size.vendors(); i++) {
            long id = i + 1;
            String name = i < named.size() ? named.get(i)
                    : String.format(Locale.ROOT, "%s Trade Supplies %d", pick(SUBURBS), i);
            String email = switch (i) {
                case 8 -> "orders@";
                case 5 -> "jürgen@armaturen.de";
                default -> chance(0.2) ? null : "sales" + id + "@" + slug(name.isBlank() ? "vendor" : name) + ".com.au";
            };
            LocalDateTime created = moment(FIRST_DAY.plusDays(between(0, 20)));
            LocalDateTime updated = i % 2 == 0 ? bulk(CUSTOMER_IMPORT, i, i % 4 == 0) : moment(LAST_DAY.minusDays(between(1, 30)));
            boolean deleted = i == 11 || (i >= named.size() && chance(0.05));
            vendors.add(id, name, email, chance(0.3) ? null : "(02) 9" + between(100, 999) + " " + between(1000, 9999),
                    chance(0.5) ? null : abn(), chance(0.2) ? null : between(1, 200) + " Industrial Ave",
                    pick(SUBURBS), "NSW", String.valueOf(between(2000, 2999)), chance(0.5) ? null : "AU",
                    created, updated, deleted ? updated : null);
        }
    }

    // ---------------------------------------------------------------- materials

    private void addMaterials() {
        for (int i = 0; i < size.materials(); i++) {
            long id = i + 1;
            String sku = switch (i % 40) {
                case 7 -> null;
                case 13 -> String.format(Locale.ROOT, "HARBOURSIDE-COPPER-PIPE-15MM-TYPE-B-%04d", id);   // > 30
                case 14 -> String.format(Locale.ROOT, "HARBOURSIDE-COPPER-PIPE-15MM-TYPE-B-%04d-X", id);
                case 21 -> String.format(Locale.ROOT, "SPARKLINE/CIRCUIT-BREAKER/C-CURVE/6KA/%04d/XYZ", id);
                default -> String.format(Locale.ROOT, "PL-%05d", id);
            };
            String name = switch (i % 40) {
                case 3 -> "Copper pipe type B 15 mm × 6 m length, annealed, with end caps and lagging (per length)";
                case 5 -> "Kupferrohr 15 mm – Ø15, DVGW-zertifiziert";
                case 9 -> "水泵密封件 pump seal kit";
                case 11 -> "🔧 Wrench hire (per day)";
                case 17 -> "Valve\u001B[0m brass 20 mm";
                case 19 -> "Thermostatic mixing valve   ";
                case 23 -> "L".repeat(10) + " " + "Lagging foam ".repeat(18);
                default -> pick(List.of("Pipe fitting", "Circuit breaker", "Pool chlorine 20 kg", "Labour per hour",
                        "Hot water system", "Pump", "Filter cartridge", "Flexi hose", "Safety switch")) + " " + id;
            };
            String kind = name.startsWith("Labour") ? "labour" : chance(0.1) ? "service" : "part";
            BigDecimal sell = chance(0.05) ? null : fourDecimals(between(1, 3_000));
            BigDecimal cost = chance(0.2) || sell == null ? null : sell.multiply(new BigDecimal("0.62")).setScale(4, RoundingMode.HALF_UP);
            boolean inclusive = chance(0.2);
            double r = random.nextDouble();
            Integer tax = r < 0.80 ? Integer.valueOf(GST) : r < 0.87 ? Integer.valueOf(FRE) : r < 0.89 ? Integer.valueOf(EXP) : r < 0.91 ? Integer.valueOf(INP) : r < 0.95 ? Integer.valueOf(MIX5) : null;
            boolean deleted = i % 40 == 33 || chance(0.03);
            LocalDateTime created = moment(FIRST_DAY.plusDays(between(0, 20)));
            LocalDateTime updated = i % 3 == 0 ? bulk(CUSTOMER_IMPORT, i, true) : moment(LAST_DAY.minusDays(between(1, 40)));
            String description = chance(0.6) ? null : i % 40 == 29 ? "Long spec sheet. ".repeat(300) : "Per unit; see catalogue";
            materials.add(id, sku, name, description, kind, sell, cost, inclusive, tax,
                    chance(0.5) ? (long) between(1, size.vendors()) : null, created, updated, deleted ? updated : null);
            materialList.add(new Material(id, name, sell, cost, inclusive, tax, deleted));
        }
    }

    // ---------------------------------------------------------------- invoices and payments

    private void addInvoices() {
        long lineId = 0;
        long paymentId = 0;
        long jobId = 0;
        int n = size.invoices();
        // which invoices are in the bulk seconds: a fixed share, spread over the ids
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        boolean[] inBulk = new boolean[n];
        for (int k = 0; k < size.bulkInvoices(); k++) {
            inBulk[order.get(k)] = true;
        }
        int bulkIndex = 0;
        int paymentIndex = 0;
        for (int i = 0; i < n; i++) {
            long id = i + 1;
            // the odd invoices go to the first customers (named cases), the next ones to those with bad e-mails,
            // the big ones to a Lachlan Ryan; the rest to anyone, deleted and nameless customers included
            Customer customer = customerList.get(i < 40 ? i : i < 40 + BAD_EMAILS.size() ? 60 + i - 40
                    : i >= n - size.bigInvoices() ? 3 : between(0, customerList.size() - 1));
            LocalDate issue = FIRST_DAY.plusDays(between(0, 89));
            String special = i < 40 ? switch (i % 20) {
                case 0 -> "zero-paid";
                case 1 -> "zero-issued";
                case 2 -> "refund";
                case 3 -> "mix5";
                case 4 -> "negative-line";
                case 5 -> "zero-date";
                case 6 -> "empty-description";
                case 7 -> "no-lines";
                case 8 -> "unknown-status";
                default -> "normal";
            } : i >= n - size.bigInvoices() ? "big" : "normal";
            String status = switch (special) {
                case "zero-paid" -> "paid";
                case "zero-issued", "mix5", "negative-line", "zero-date", "empty-description", "no-lines", "big" -> "issued";
                case "refund" -> chance(0.5) ? "paid" : "issued";
                case "unknown-status" -> "sent";
                default -> {
                    double r = random.nextDouble();
                    yield r < 0.10 ? "draft" : r < 0.57 ? "issued" : r < 0.92 ? "paid" : "void";
                }
            };
            if ("normal".equals(special) && chance(0.03)) {
                special = "mix5";
            }
            if ("normal".equals(special) && chance(0.02)) {
                special = "zero-paid";
                status = "paid";
            }
            boolean inclusive = chance(0.25);
            List<Line> lines = switch (special) {
                case "no-lines" -> List.of();
                case "big" -> lines(between(100, 150), false);
                case "refund" -> List.of(new Line(null, null, "Refund: returned pump (unused)", quantity(-1),
                        fourDecimals(between(50, 900)), null, GST));
                case "zero-paid", "zero-issued" -> zeroLines();
                default -> lines(between(1, 8), "mix5".equals(special));
            };
            if ("negative-line".equals(special)) {
                lines = new ArrayList<>(lines);
                lines.add(0, new Line(null, null, "Service call-out", quantity(1), new BigDecimal("150.0000"), null, GST));
                lines.add(new Line(null, null, "Returned seal (credit)", quantity(-1), new BigDecimal("12.5000"), null, GST));
            }
            if ("empty-description".equals(special)) {
                lines = new ArrayList<>(lines);
                lines.add(new Line(null, null, "", quantity(1), new BigDecimal("20.0000"), null, GST));
            }
            Totals totals = totals(lines, inclusive);
            BigDecimal subtotal = totals.subtotal();
            BigDecimal tax = totals.tax();
            BigDecimal total = totals.total();
            if ("no-lines".equals(special)) {
                subtotal = new BigDecimal("50.00");
                tax = new BigDecimal("5.00");
                total = new BigDecimal("55.00");
            }
            Long siteId = customer.siteIds().isEmpty() || chance(0.5) ? null : pick(customer.siteIds());
            Long job = null;
            LocalDateTime created = moment(issue);
            if (chance(0.15)) {
                job = ++jobId;
                jobs.add(job, String.format(Locale.ROOT, "J%06d", job), customer.id(), siteId, (long) between(1, technicianCount),
                        pick(List.of("Blocked drain", "Hot water – no hot water!", "Pool pump 🔊 noisy", "RCD tripping",
                                "Dachrinne reinigen")), chance(0.5) ? null : "Side gate\u0000 access",
                        "completed", issue.atTime(8, 0), issue.atTime(11, 30), created.minusDays(2), created);
            }
            LocalDateTime updated;
            if (inBulk[i]) {
                int second = bulkIndex % size.bulkSeconds();
                updated = bulk(INVOICE_UPDATE.plusSeconds(second), bulkIndex / size.bulkSeconds(), bulkIndex % 5 < 3);
                bulkIndex++;
            } else {
                updated = moment(issue.plusDays(between(0, 5)).isAfter(LAST_DAY) ? LAST_DAY : issue.plusDays(between(0, 5)));
                if (updated.isAfter(INVOICE_UPDATE)) {
                    updated = INVOICE_UPDATE.minusHours(1);
                }
            }
            if (created.isAfter(updated)) {
                created = updated.minusHours(2);
            }
            LocalDate due = chance(0.1) ? null : issue.plusDays(chance(0.5) ? 14 : 30);
            if ("zero-date".equals(special)) {
                zeroDates.computeIfAbsent("invoices.issue_date", k -> new ArrayList<>()).add(id);
            } else if (due != null && chance(0.01)) {
                zeroDates.computeIfAbsent("invoices.due_date", k -> new ArrayList<>()).add(id);
            }
            String number = switch (i % 7) {
                case 3 -> String.format(Locale.ROOT, "inv-%06d", id);
                case 5 -> String.format(Locale.ROOT, "W/%d", id);
                default -> String.format(Locale.ROOT, "INV%06d", id);
            };
            String notes = chance(0.7) ? null : pick(List.of("Thanks for your business 🙏", "Paid on site\u0007",
                    "Warranty: 12 months\r\nParts only", "Merci beaucoup"));

            // payments: paid invoices in full (one or two payments, now and then a deleted duplicate),
            // some issued ones in part, refunds paid back
            List<Object[]> paid = new ArrayList<>();
            if ("paid".equals(status) && total.signum() > 0) {
                if (chance(0.2) && total.compareTo(new BigDecimal("50")) > 0) {
                    BigDecimal deposit = money(total.multiply(new BigDecimal("0.4")));
                    paid.add(new Object[] {deposit, false});
                    paid.add(new Object[] {total.subtract(deposit), false});
                } else {
                    paid.add(new Object[] {total, false});
                }
                if (chance(0.05)) {
                    paid.add(new Object[] {total, true});           // keyed twice, the copy deleted
                }
            } else if ("paid".equals(status) && total.signum() < 0) {
                paid.add(new Object[] {total, false});
            } else if ("issued".equals(status) && total.compareTo(new BigDecimal("20")) >= 0 && chance(0.2)) {
                paid.add(new Object[] {money(total.multiply(new BigDecimal("0.3"))), false});
                if (chance(0.05)) {
                    paid.add(new Object[] {BigDecimal.ZERO.setScale(2), false});   // a $0 payment keyed by mistake
                }
            }
            BigDecimal amountPaid = BigDecimal.ZERO.setScale(2);
            for (Object[] p : paid) {
                BigDecimal amount = (BigDecimal) p[0];
                boolean deletedCopy = (Boolean) p[1];
                if (!deletedCopy) {
                    amountPaid = amountPaid.add(amount);
                }
                long pid = ++paymentId;
                String method = pick(List.of("cash", "card", "card", "eft", "eft", "cheque", "stripe", "other", "zip"));
                String reference = switch (method) {
                    case "card" -> pick(List.of("VISA", "MC", "AMEX")) + " ****" + between(1000, 9999);
                    case "stripe" -> "ch_" + between(100_000_000, 999_999_999);
                    case "eft" -> chance(0.1) ? "EFT – Müller\u0000" : "EFT " + between(100000, 999999);
                    default -> chance(0.5) ? null : "";
                };
                BigDecimal fee = "card".equals(method) || "stripe".equals(method)
                        ? money(amount.abs().multiply(new BigDecimal("0.0175"))) : null;
                LocalDate paidOn = issue.plusDays(between(0, 20)).isAfter(LAST_DAY) ? LAST_DAY : issue.plusDays(between(0, 20));
                LocalDateTime at = paymentIndex % 10 < 7 ? bulk(PAYMENT_IMPORT, paymentIndex, paymentIndex % 10 < 3)
                        : moment(paidOn).isAfter(INVOICE_UPDATE) ? INVOICE_UPDATE.minusMinutes(5) : moment(paidOn);
                paymentIndex++;
                if (pid % 97 == 0 && !deletedCopy && amount.signum() > 0) {
                    zeroDates.computeIfAbsent("payments.paid_on", k -> new ArrayList<>()).add(pid);
                }
                payments.add(pid, id, amount, paidOn, method, reference, fee, chance(0.1) ? money(amount.abs()
                        .multiply(new BigDecimal("0.015"))) : null, "fsm", null, at, at, deletedCopy ? at : null);
            }
            invoices.add(id, number, customer.id(), job, siteId, status, issue, due, chance(0.6) ? null : issue,
                    "AUD", inclusive, notes, subtotal, tax, total, amountPaid, created, updated);
            for (int k = 0; k < lines.size(); k++) {
                Line line = lines.get(k);
                invoiceLines.add(++lineId, id, k + 1, line.materialId(), line.technicianId(), line.description(),
                        line.quantity(), line.unitPrice(), line.discount(), line.taxCode(), totals.lineTotals().get(k),
                        created, created);
            }
        }
    }

    private List<Line> lines(int count, boolean withMix5) {
        List<Line> lines = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            BigDecimal discount = chance(0.85) ? null
                    : new BigDecimal(pick(List.of("5.00", "10.00", "12.50", "33.33", "100.00")));
            BigDecimal quantity = chance(0.7) ? quantity(between(1, 12))
                    : new BigDecimal(pick(List.of("0.2500", "1.3333", "2.5000", "0.0010", "17.7500")));
            Long technician = chance(0.3) ? (long) between(1, technicianCount) : null;
            if (chance(0.7)) {
                Material m = pick(materialList);
                BigDecimal unit = m.sell() != null ? m.sell() : fourDecimals(between(1, 500));
                int taxCode = m.taxCode() == null || m.taxCode() == MIX5 ? GST : m.taxCode();
                lines.add(new Line(m.id(), technician, m.name(), quantity, unit, discount, taxCode));
            } else {
                lines.add(new Line(null, technician, pick(FREE_TEXT), quantity, fourDecimals(between(0, 800)), discount,
                        chance(0.85) ? GST : FRE));
            }
        }
        if (withMix5) {
            lines.add(new Line(null, null, "Mixed supply (half GST)", quantity(1), new BigDecimal("80.0000"), null, MIX5));
        }
        if (chance(0.01)) {
            lines.add(new Line(null, null, "Notes: " + "see attached report. ".repeat(190), quantity(1),
                    BigDecimal.ZERO.setScale(4), null, GST));   // a 4,000-character description
        }
        return lines;
    }

    /** A warranty call-back or a fully discounted job: lines that add up to exactly $0. */
    private List<Line> zeroLines() {
        return List.of(new Line(null, null, "Warranty call-back – no charge", quantity(1), new BigDecimal("165.0000"),
                        new BigDecimal("100.00"), GST),
                new Line(null, null, "Seal (warranty)", quantity(2), BigDecimal.ZERO.setScale(4), null, GST));
    }

    /**
     * Line totals, subtotal, tax and total as Xero computes them: each line's amount rounded to
     * cents (half up) after its discount, tax per line rounded to cents. Exclusive: tax on top.
     * Inclusive: the line amount holds its tax.
     */
    private Totals totals(List<Line> lines, boolean inclusive) {
        List<BigDecimal> lineTotals = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            BigDecimal rate = RATES.get(line.taxCode());
            BigDecimal amount = line.quantity().multiply(line.unitPrice());
            if (line.discount() != null) {
                amount = amount.multiply(HUNDRED.subtract(line.discount())).divide(HUNDRED);
            }
            BigDecimal lineTotal = amount.setScale(2, RoundingMode.HALF_UP);
            BigDecimal lineTax = inclusive
                    ? lineTotal.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP)
                    : lineTotal.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            lineTotals.add(lineTotal);
            sum = sum.add(lineTotal);
            tax = tax.add(lineTax);
        }
        return inclusive ? new Totals(lineTotals, sum.subtract(tax), tax, sum)
                : new Totals(lineTotals, sum, tax, sum.add(tax));
    }

    // ---------------------------------------------------------------- purchase orders

    private void addPurchaseOrders() {
        long lineId = 0;
        for (int i = 0; i < size.purchaseOrders(); i++) {
            long id = i + 1;
            long vendor = i < 12 ? i + 1 : between(1, size.vendors());
            double r = random.nextDouble();
            String status = i == 0 || i == 1 ? "finished" : r < 0.10 ? "draft" : r < 0.35 ? "ordered"
                    : r < 0.55 ? "received" : r < 0.90 ? "finished" : "cancelled";
            LocalDate issue = FIRST_DAY.plusDays(between(0, 80));
            LocalDate delivery = chance(0.2) ? null : issue.plusDays(between(2, 10));
            boolean inclusive = chance(0.2);
            List<Line> lines = new ArrayList<>();
            if (i != 13) {                                                         // PO 14 has no lines
                for (int j = between(1, 6); j > 0; j--) {
                    Material m = pick(materialList);
                    BigDecimal unit = m.cost() != null ? m.cost() : fourDecimals(between(1, 400));
                    lines.add(new Line(m.id(), null, m.name(), chance(0.8) ? quantity(between(1, 40))
                            : new BigDecimal("2.5000"), unit, null, chance(0.85) ? GST : FRE));
                }
            }
            if (i == 17) {
                lines.add(new Line(null, null, "Half-GST freight", quantity(1), new BigDecimal("40.0000"), null, MIX5));
            }
            Totals totals = totals(lines, inclusive);
            LocalDateTime created = moment(issue);
            LocalDateTime finished = "finished".equals(status)
                    ? moment(delivery == null || delivery.isAfter(LAST_DAY) ? LAST_DAY : delivery) : null;
            LocalDateTime updated = i % 2 == 0 ? bulk(PAYMENT_IMPORT, 100_000 + i, i % 4 == 0)
                    : finished != null ? finished : created.plusHours(between(1, 48));
            if (updated.isAfter(PAYMENT_IMPORT.plusSeconds(1))) {
                updated = PAYMENT_IMPORT.minusMinutes(3);
            }
            if (finished != null && finished.isAfter(updated)) {
                finished = updated;
            }
            if (created.isAfter(updated)) {
                created = updated.minusHours(1);
            }
            String address = chance(0.2) ? null : pick(List.of("Unit 4, 12 Industrial Avenue, Wetherill Park NSW 2164",
                    "Site: 12 Ōrākei Ave\nRear lane access", "Deliver to 🏗 site office"));
            purchaseOrders.add(id, String.format(Locale.ROOT, "PO%05d", id), vendor, null, status, issue, delivery,
                    "AUD", inclusive, address, chance(0.7) ? null : "Call on arrival\u0007", totals.subtotal(),
                    totals.tax(), totals.total(), finished, created, updated);
            for (int k = 0; k < lines.size(); k++) {
                Line line = lines.get(k);
                purchaseOrderLines.add(++lineId, id, k + 1, line.materialId(), line.description(), line.quantity(),
                        line.unitPrice(), line.taxCode(), totals.lineTotals().get(k), created, created);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A moment in a bulk second: the shared microsecond, or a microsecond of its own (distinct for
     * distinct {@code index}: 397 and 10^6 share no factor).
     */
    private static LocalDateTime bulk(LocalDateTime second, int index, boolean shared) {
        int micros = shared ? SHARED_MICROS : (int) ((index * 397L + 1) % 1_000_000);
        if (!shared && micros == SHARED_MICROS) {
            micros++;
        }
        return second.plusNanos(micros * 1000L);
    }

    /** Some moment of a working day, with microseconds as the application stores them. */
    private LocalDateTime moment(LocalDate day) {
        return day.atTime(between(7, 17), between(0, 59), between(0, 59)).plusNanos(between(0, 999_999) * 1000L);
    }

    private String abn() {
        return String.format(Locale.ROOT, "%02d %03d %03d %03d", between(10, 99), between(0, 999), between(0, 999),
                between(0, 999));
    }

    private static String slug(String s) {
        String plain = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return plain.length() > 30 ? plain.substring(0, 30) : plain;
    }

    private BigDecimal fourDecimals(int whole) {
        return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(between(0, 9999), 4));
    }

    private static BigDecimal quantity(int n) {
        return BigDecimal.valueOf(n).setScale(4);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Rows for one table, held in memory and written with JDBC batch inserts. */
    private static final class Rows {
        private static final int BATCH = 500;

        final String name;
        final List<String> columns;
        final List<Object[]> rows = new ArrayList<>();

        Rows(String name, String... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }

        void add(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(name + " has " + columns.size() + " columns, got " + values.length);
            }
            rows.add(values);
        }

        void insertInto(Connection connection) throws SQLException {
            String sql = "insert into " + name + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            insert.setNull(i + 1, Types.NULL);
                        } else if (row[i] instanceof LocalDateTime moment) {
                            // as text: Connector/J reads MariaDB's version as 5.5.5 and would drop the microseconds
                            insert.setString(i + 1, moment.format(DATETIME_6));
                        } else if (row[i] instanceof LocalDate day) {
                            insert.setString(i + 1, day.toString());
                        } else {
                            insert.setObject(i + 1, row[i]);
                        }
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }
}
