package io.fieldsync.demo;

import static io.fieldsync.demo.SampleCatalogue.FRE;
import static io.fieldsync.demo.SampleCatalogue.GST;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import io.fieldsync.demo.SampleCatalogue.FreeText;
import io.fieldsync.demo.SampleCatalogue.Item;
import io.fieldsync.demo.SampleCatalogue.JobKind;
import io.fieldsync.demo.SampleCatalogue.Place;
import io.fieldsync.demo.SampleCatalogue.TaxCode;
import io.fieldsync.demo.SampleCatalogue.Trade;

/**
 * Builds every row of the sample business in memory, parents before children, from one seeded
 * {@link Random}: the same size and day give the same rows. Ids are assigned here so children can
 * point at their parents without reading generated keys back.
 */
final class SampleRows {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SampleDataSize size;
    private final Random random;
    /** Nothing is dated at or after this instant, so no row lies in the future. */
    private final LocalDateTime end;
    private final LocalDateTime start;
    private final LocalDate lastDay;

    private final Table taxCodes = new Table("tax_codes", "id", "code", "name", "rate", "is_active",
            "created_at", "updated_at");
    private final Table customers = new Table("customers", "id", "customer_number", "company_name", "first_name",
            "last_name", "email", "phone", "mobile", "tax_number", "billing_street", "billing_city", "billing_region",
            "billing_postcode", "billing_country", "notes", "created_at", "updated_at", "deleted_at");
    private final Table sites = new Table("sites", "id", "customer_id", "label", "street", "city", "region",
            "postcode", "country", "created_at", "updated_at");
    private final Table vendors = new Table("vendors", "id", "name", "email", "phone", "tax_number", "street",
            "city", "region", "postcode", "country", "created_at", "updated_at", "deleted_at");
    private final Table materials = new Table("materials", "id", "sku", "name", "description", "kind",
            "sell_price", "cost_price", "price_includes_tax", "tax_code_id", "preferred_vendor_id", "created_at",
            "updated_at", "deleted_at");
    private final Table technicians = new Table("technicians", "id", "name", "email", "created_at", "updated_at");
    private final Table jobs = new Table("jobs", "id", "job_number", "customer_id", "site_id", "technician_id",
            "title", "description", "status", "scheduled_for", "completed_at", "created_at", "updated_at");
    private final Table invoices = new Table("invoices", "id", "invoice_number", "customer_id", "job_id", "site_id",
            "status", "issue_date", "due_date", "service_date", "currency", "amounts_include_tax", "notes",
            "subtotal", "tax_total", "total", "amount_paid", "created_at", "updated_at");
    private final Table invoiceLines = new Table("invoice_lines", "id", "invoice_id", "line_no", "material_id",
            "technician_id", "description", "quantity", "unit_price", "discount_percent", "tax_code_id",
            "line_total", "created_at", "updated_at");
    private final Table payments = new Table("payments", "id", "invoice_id", "amount", "paid_on", "method",
            "reference", "fee_amount", "surcharge_amount", "source", "external_ref", "created_at", "updated_at",
            "deleted_at");
    private final Table purchaseOrders = new Table("purchase_orders", "id", "po_number", "vendor_id", "job_id",
            "status", "issue_date", "delivery_date", "currency", "amounts_include_tax", "delivery_address", "notes",
            "subtotal", "tax_total", "total", "finished_at", "created_at", "updated_at");
    private final Table purchaseOrderLines = new Table("purchase_order_lines", "id", "purchase_order_id", "line_no",
            "material_id", "description", "quantity", "unit_cost", "tax_code_id", "line_total", "created_at",
            "updated_at");
    private final Table attachments = new Table("attachments", "id", "owner_type", "owner_id", "file_name",
            "content_type", "size_bytes", "content", "created_at", "updated_at", "deleted_at");

    private record Customer(long id, boolean company, String displayName, String email, LocalDateTime created,
                            boolean deleted, List<Site> sites) {
    }

    private record Site(long id, String address) {
    }

    private record Material(long id, Item item, BigDecimal rate, boolean usable) {
    }

    private record Job(long id, Customer customer, Site site, long technicianId, String title,
                       LocalDateTime created) {
    }

    private record Invoice(long id, String number, String status, LocalDateTime created, Job job, BigDecimal total) {
    }

    private record PurchaseOrder(long id, String number, String status, LocalDateTime created, String vendor) {
    }

    private record Line(Material material, Long technicianId, String description, BigDecimal quantity,
                        BigDecimal unitPrice, BigDecimal discount, int taxCode) {
    }

    private record Totals(List<BigDecimal> lineTotals, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    private enum Kind { NORMAL, ZERO, REFUND }

    private final Map<Integer, BigDecimal> rates = new HashMap<>();
    private final List<Customer> customerList = new ArrayList<>();
    private final List<Material> materialList = new ArrayList<>();
    private final List<Job> jobList = new ArrayList<>();
    private final List<Invoice> invoiceList = new ArrayList<>();
    private final List<PurchaseOrder> purchaseOrderList = new ArrayList<>();

    SampleRows(SampleDataSize size, LocalDate today, long seed) {
        this.size = size;
        this.random = new Random(seed);
        this.end = today.atStartOfDay();
        this.start = end.minusDays(90);
        this.lastDay = today.minusDays(1);
    }

    /** All tables, in an order that satisfies every foreign key. */
    List<Table> build() {
        addTaxCodes();
        addCustomersAndSites();
        addVendors();
        addMaterials();
        addTechnicians();
        addInvoices();
        addOpenJobs();
        addPurchaseOrders();
        addAttachments();
        List<Table> all = List.of(taxCodes, customers, sites, vendors, materials, technicians, jobs, invoices,
                invoiceLines, payments, purchaseOrders, purchaseOrderLines, attachments);
        if (!all.stream().map(Table::name).toList().equals(FieldServiceSchema.TABLES)) {
            throw new IllegalStateException("tables out of step with FieldServiceSchema.TABLES");
        }
        return all;
    }

    // ---------------------------------------------------------------- reference data

    private void addTaxCodes() {
        for (TaxCode code : SampleCatalogue.TAX_CODES) {
            rates.put(code.id(), new BigDecimal(code.rate()));
            LocalDateTime updated = code.active() ? start : start.plusDays(1);
            taxCodes.add(code.id(), code.code(), code.name(), new BigDecimal(code.rate()), code.active(),
                    start, updated);
        }
    }

    private void addCustomersAndSites() {
        List<LocalDateTime> created = new ArrayList<>();
        for (int i = 0; i < size.customers(); i++) {
            created.add(moment(start.plusMinutes(random.nextInt(80 * 24 * 60))));
        }
        Collections.sort(created);
        long siteId = 0;
        for (int i = 0; i < size.customers(); i++) {
            long id = i + 1;
            Place place = pick(SampleCatalogue.PLACES);
            boolean company = i == 1 || i == 3 || i == 4 || (i != 2 && chance(0.55));
            String first = null;
            String last = null;
            String companyName = null;
            if (company) {
                companyName = switch (i) {
                    case 1 -> "Crème Brûlée Pâtisserie & Café Pty Ltd";
                    case 3 -> SampleCatalogue.LONG_COMPANY_NAME;
                    default -> {
                        if (chance(0.5)) {
                            yield String.format(pick(SampleCatalogue.COMPANY_BY_SURNAME), pick(SampleCatalogue.LAST_NAMES));
                        }
                        String pattern = pick(SampleCatalogue.COMPANY_BY_SUBURB);
                        yield pattern.startsWith("Strata Plan")
                                ? String.format(pattern, between(10000, 99999) + " - " + place.city())
                                : String.format(pattern, place.city());
                    }
                };
                companyName = unique(companyName);
                if (chance(0.5)) {   // a contact person at the company
                    first = pick(SampleCatalogue.FIRST_NAMES);
                    last = pick(SampleCatalogue.LAST_NAMES);
                }
            } else if (i == 2) {
                first = "Zoë";
                last = "Nguyễn";
            } else {
                first = pick(SampleCatalogue.FIRST_NAMES);
                last = pick(SampleCatalogue.LAST_NAMES);
            }
            String email;
            if (i == 4) {
                email = "accounts@@harbourview-strata";   // typed wrong in the field
            } else if (i % 7 == 6) {
                email = null;
            } else if (company) {
                email = pick(List.of("accounts@", "admin@", "ap@")) + slug(companyName, 18) + ".com.au";
            } else {
                email = slug(first, 20) + "." + slug(last, 20) + between(1, 99)
                        + pick(List.of("@gmail.com", "@bigpond.com", "@outlook.com", "@icloud.com"));
            }
            String street = streetAddress(company);
            String phone = chance(company ? 0.9 : 0.4) ? landline(place) : null;
            String mobile = chance(company ? 0.3 : 0.9) ? mobile() : null;
            String abn = company && chance(0.85) ? abn() : null;
            String country = chance(0.9) ? "Australia" : "AU";
            String notes = chance(0.2) ? pick(List.of("Gate code 4412#, dog in backyard.",
                    "Prefers an SMS 30 minutes before arrival.", "Strata manager approves quotes over $500.",
                    "Tenant occupied: contact the tenant on the mobile number.")) : null;
            LocalDateTime createdAt = created.get(i);
            boolean deleted = i == 5;
            LocalDateTime updated = deleted ? between(createdAt.plusDays(1), end)
                    : chance(0.5) ? createdAt : between(createdAt, end);
            customers.add(id, String.format(Locale.ROOT, "C%05d", id), companyName, first, last, email, phone,
                    mobile, abn, street, place.city(), place.region(), place.postcode(), country, notes, createdAt,
                    updated, deleted ? updated : null);

            List<Site> own = new ArrayList<>();
            if (i == 2 || chance(0.6)) {
                int count = between(1, 3);
                List<String> labels = company
                        ? List.of("Head office", "Warehouse", "Unit block", "Clubhouse", "Aquatic centre")
                        : List.of("Home", "Pool", "Rental property", "Holiday house");
                for (int s = 0; s < count; s++) {
                    Place sitePlace = s == 0 ? place : pick(SampleCatalogue.PLACES);
                    String siteStreet = s == 0 && !company ? street : between(1, 240) + " " + pick(SampleCatalogue.STREETS);
                    String label = s == 0 ? labels.get(0) : labels.get(between(1, labels.size() - 1));
                    LocalDateTime siteCreated = createdAt.plusMinutes(between(1, 30) * s);
                    sites.add(++siteId, id, label, siteStreet, sitePlace.city(), sitePlace.region(),
                            sitePlace.postcode(), "Australia", siteCreated, siteCreated);
                    own.add(new Site(siteId, siteStreet.replace('\n', ' ') + ", " + sitePlace.city() + " "
                            + sitePlace.region() + " " + sitePlace.postcode()));
                }
            }
            String display = companyName != null ? companyName : first + " " + last;
            customerList.add(new Customer(id, company, display, email, createdAt, deleted, own));
        }
    }

    private void addVendors() {
        long id = 0;
        for (SampleCatalogue.Vendor v : SampleCatalogue.VENDORS) {
            LocalDateTime created = moment(start.plusHours(between(0, 48)));
            LocalDateTime deleted = v.deleted() ? moment(start.plusDays(30)) : null;
            LocalDateTime updated = deleted != null ? deleted : chance(0.3) ? between(created, end) : created;
            vendors.add(++id, v.name(), v.email(), v.phone(), chance(0.8) ? abn() : null, v.street(), v.city(),
                    v.region(), v.postcode(), "Australia", created, updated, deleted);
        }
    }

    private void addMaterials() {
        long id = 0;
        for (Item item : SampleCatalogue.ITEMS) {
            id++;
            LocalDateTime created = moment(start.plusHours(between(2, 72)));
            boolean deleted = SampleCatalogue.DELETED_SKU.equals(item.sku());
            LocalDateTime deletedAt = deleted ? moment(start.plusDays(40)) : null;
            LocalDateTime updated = deletedAt != null ? deletedAt : chance(0.25) ? between(created, end) : created;
            String description = switch (item.kind()) {
                case "labour" -> "Charged in quarter hours after the first half hour.";
                case "service" -> chance(0.5) ? null : "Includes a written report emailed on completion.";
                default -> chance(0.4) ? null : item.name() + ". Supplied and warranted as per manufacturer's terms.";
            };
            materials.add(id, item.sku(), item.name(), description, item.kind(), decimal(item.sell()),
                    decimal(item.cost()), item.priceIncludesTax(), item.taxCode(),
                    item.vendor() < 0 ? null : (long) item.vendor() + 1, created, updated, deletedAt);
            materialList.add(new Material(id, item, rates.get(item.taxCode()), !deleted && item.sell() != null));
        }
    }

    private void addTechnicians() {
        long id = 0;
        for (SampleCatalogue.Technician t : SampleCatalogue.TECHNICIANS) {
            LocalDateTime created = moment(start.plusHours(between(0, 24)));
            technicians.add(++id, t.name(), t.email(), created, created);
        }
    }

    // ---------------------------------------------------------------- invoices, jobs, payments

    private void addInvoices() {
        List<Customer> active = customerList.stream().filter(c -> !c.deleted()).toList();
        record Planned(Customer customer, LocalDate issue) {
        }
        List<Planned> planned = new ArrayList<>();
        for (int k = 0; k < size.invoices(); k++) {
            Customer customer = pick(active);
            LocalDate first = customer.created().toLocalDate().plusDays(1);
            planned.add(new Planned(customer, between(first, lastDay)));
        }
        // numbers follow issue dates, as an application that numbers on issue would give them
        planned.sort(Comparator.comparing(Planned::issue));

        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < planned.size(); k++) {
            positions.add(k);
        }
        Collections.shuffle(positions, random);
        Map<Integer, String> forcedStatus = new HashMap<>();
        Map<Integer, Kind> forcedKind = new HashMap<>();
        String[][] specials = {
                {"draft", "NORMAL"}, {"issued", "NORMAL"}, {"paid", "NORMAL"}, {"void", "NORMAL"},
                {"paid", "ZERO"}, {"paid", "ZERO"}, {"issued", "ZERO"}, {"draft", "ZERO"},
                {"issued", "REFUND"}, {"issued", "REFUND"}, {"paid", "REFUND"}};
        for (int s = 0; s < specials.length && s < positions.size(); s++) {
            forcedStatus.put(positions.get(s), specials[s][0]);
            forcedKind.put(positions.get(s), Kind.valueOf(specials[s][1]));
        }

        long lineId = 0;
        long paymentId = 0;
        for (int k = 0; k < planned.size(); k++) {
            long id = k + 1;
            Customer customer = planned.get(k).customer();
            LocalDate issue = planned.get(k).issue();
            Kind kind = forcedKind.getOrDefault(k, Kind.NORMAL);
            String status = forcedStatus.getOrDefault(k, randomStatus(issue));
            boolean inclusive = chance(customer.company() ? 0.15 : 0.5);
            Site site = customer.sites().isEmpty() || chance(0.1) ? null : pick(customer.sites());
            JobKind jobKind = pick(SampleCatalogue.JOB_KINDS);
            long technicianId = technicianFor(jobKind.trade());
            LocalDate earliest = customer.created().toLocalDate().plusDays(1);
            LocalDate service = chance(0.9) ? max(earliest, issue.minusDays(between(0, 3))) : null;

            Job job = null;
            LocalDateTime created = moment(issue);
            if (kind != Kind.REFUND && chance(0.75)) {
                LocalDate day = service != null ? service : issue;
                LocalDateTime completed = moment(day.atTime(between(8, 15), 0));
                LocalDateTime jobCreated = later(customer.created().plusHours(1),
                        moment(day.minusDays(between(0, 7)).atTime(between(7, 16), 0)));
                if (!jobCreated.isBefore(completed)) {
                    jobCreated = completed.minusHours(2);
                }
                job = addJob(customer, site, technicianId, jobKind.title(), "completed",
                        completed.truncatedTo(ChronoUnit.HOURS), completed, jobCreated);
                created = later(created, completed.plusMinutes(between(30, 120)));
            }
            created = clamp(created);

            List<Line> lines = invoiceLines(kind, jobKind.trade(), technicianId);
            Totals totals = totals(lines, inclusive, true);
            String notes = kind == Kind.ZERO ? "Warranty call-back: no charge."
                    : kind == Kind.REFUND ? "Credit for returned goods, see original invoice."
                    : chance(0.3) ? pick(SampleCatalogue.INVOICE_NOTES) : null;
            LocalDate due = "draft".equals(status) && chance(0.5) ? null
                    : issue.plusDays(customer.company() ? 30 : 14);

            // payments: paid invoices in full, some issued ones in part
            List<Object[]> paid = new ArrayList<>();
            BigDecimal total = totals.total();
            if ("paid".equals(status) && total.signum() > 0) {
                if (chance(0.2) && total.compareTo(new BigDecimal("50")) > 0) {
                    BigDecimal deposit = money(total.multiply(percent(between(30, 60))));
                    LocalDate firstDay = between(issue, min(issue.plusDays(10), lastDay));
                    paid.add(payment(deposit, firstDay, created, null));
                    paid.add(payment(total.subtract(deposit), between(firstDay, min(firstDay.plusDays(30), lastDay)),
                            created, null));
                } else {
                    paid.add(payment(total, between(issue, min(issue.plusDays(30), lastDay)), created, null));
                }
            } else if ("paid".equals(status) && total.signum() < 0) {
                paid.add(payment(total, between(issue, min(issue.plusDays(5), lastDay)), created, "eft"));
            } else if ("issued".equals(status) && total.compareTo(new BigDecimal("20")) >= 0 && chance(0.25)) {
                BigDecimal deposit = money(total.multiply(percent(between(30, 60))));
                paid.add(payment(deposit, between(issue, min(issue.plusDays(7), lastDay)), created, null));
            }
            BigDecimal amountPaid = BigDecimal.ZERO.setScale(2);
            LocalDateTime updated = switch (status) {
                case "draft" -> clamp(created.plusMinutes(between(0, 3 * 24 * 60)));
                case "void" -> clamp(created.plusDays(between(1, 10)));
                default -> clamp(created.plusMinutes(between(1, 180)));
            };
            for (Object[] p : paid) {
                amountPaid = amountPaid.add((BigDecimal) p[0]);
                LocalDateTime at = (LocalDateTime) p[3];
                updated = later(updated, at);
                payments.add(++paymentId, id, p[0], p[1], p[2], p[4], p[5], p[6], "fsm", null, at, at, null);
            }

            String number = String.format(Locale.ROOT, "INV%04d", id);
            invoices.add(id, number, customer.id(), job == null ? null : job.id(), site == null ? null : site.id(),
                    status, issue, due, service, "AUD", inclusive, notes, totals.subtotal(), totals.tax(), total,
                    amountPaid, created, updated);
            for (int n = 0; n < lines.size(); n++) {
                Line line = lines.get(n);
                invoiceLines.add(++lineId, id, n + 1, line.material() == null ? null : line.material().id(),
                        line.technicianId(), line.description(), line.quantity(), line.unitPrice(), line.discount(),
                        line.taxCode(), totals.lineTotals().get(n), created, created);
            }
            invoiceList.add(new Invoice(id, number, status, created, job, total));
        }
    }

    private String randomStatus(LocalDate issue) {
        double r = random.nextDouble();
        if (ChronoUnit.DAYS.between(issue, end.toLocalDate()) <= 7) {
            return r < 0.30 ? "draft" : r < 0.80 ? "issued" : r < 0.98 ? "paid" : "void";
        }
        return r < 0.04 ? "draft" : r < 0.30 ? "issued" : r < 0.94 ? "paid" : "void";
    }

    private List<Line> invoiceLines(Kind kind, Trade trade, long technicianId) {
        List<Line> lines = new ArrayList<>();
        if (kind == Kind.REFUND) {
            for (int j = between(1, 2); j > 0; j--) {
                Material m = pickMaterial(x -> "part".equals(x.item().kind()) && x.item().trade() == trade);
                lines.add(new Line(m, null, "Refund: " + m.item().name() + " (returned unused)",
                        quantity(-between(1, 2)), price(m.item().sell()),
                        null, m.item().taxCode()));
            }
            return lines;
        }
        int count = between(1, 6);
        for (int j = 0; j < count; j++) {
            double r = random.nextDouble();
            BigDecimal discount = kind == Kind.ZERO ? new BigDecimal("100.00")
                    : chance(0.12) ? new BigDecimal(pick(List.of("5.00", "10.00", "15.00", "20.00"))) : null;
            if (j == 0 && r < 0.7) {
                Material m = pickMaterial(x -> "labour".equals(x.item().kind())
                        && (x.item().trade() == trade || x.item().trade() == Trade.ANY));
                boolean hourly = m.item().name().contains("per hour");
                BigDecimal hours = hourly ? new BigDecimal("0.25").multiply(quantity(between(2, 32))) : quantity(1);
                lines.add(new Line(m, technicianId, m.item().name(), hours.setScale(4), price(m.item().sell()),
                        discount, m.item().taxCode()));
            } else if (r < 0.15) {
                FreeText text = pick(SampleCatalogue.FREE_TEXT_LINES);
                lines.add(new Line(null, null, text.description(), quantity(1), price(text.price()), discount,
                        text.taxCode()));
            } else {
                Material m = pickMaterial(x -> !"labour".equals(x.item().kind()) && x.item().trade() == trade);
                BigDecimal qty = "part".equals(m.item().kind()) && new BigDecimal(m.item().sell()).compareTo(HUNDRED) < 0
                        ? quantity(between(1, 10)) : quantity(1);
                lines.add(new Line(m, null, m.item().name(), qty, price(m.item().sell()), discount,
                        m.item().taxCode()));
            }
        }
        return lines;
    }

    /**
     * Line totals, subtotal, tax and total the way the application writes them: each line rounded to
     * cents; tax worked out per line. Exclusive: subtotal is the sum of the lines and tax is added on
     * top. Inclusive: the total is the sum of the lines and the tax is the part of it that is GST.
     * Catalogue prices are converted when the document's basis differs from the item's.
     */
    private Totals totals(List<Line> lines, boolean inclusive, boolean convert) {
        List<BigDecimal> lineTotals = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            BigDecimal rate = rates.get(line.taxCode());
            BigDecimal unit = line.unitPrice();
            boolean itemInclusive = line.material() != null && line.material().item().priceIncludesTax();
            if (convert && itemInclusive != inclusive) {
                BigDecimal factor = BigDecimal.ONE.add(rate.divide(HUNDRED));
                unit = inclusive ? unit.multiply(factor).setScale(4, RoundingMode.HALF_UP)
                        : unit.divide(factor, 4, RoundingMode.HALF_UP);
                lines.set(n, line = new Line(line.material(), line.technicianId(), line.description(),
                        line.quantity(), unit, line.discount(), line.taxCode()));
            }
            BigDecimal amount = line.quantity().multiply(unit);
            if (line.discount() != null) {
                amount = amount.multiply(HUNDRED.subtract(line.discount())).divide(HUNDRED);
            }
            BigDecimal lineTotal = money(amount);
            BigDecimal lineTax = inclusive
                    ? money(lineTotal.multiply(rate).divide(HUNDRED.add(rate), 10, RoundingMode.HALF_UP))
                    : money(lineTotal.multiply(rate).divide(HUNDRED));
            lineTotals.add(lineTotal);
            sum = sum.add(lineTotal);
            tax = tax.add(lineTax);
        }
        return inclusive
                ? new Totals(lineTotals, sum.subtract(tax), tax, sum)
                : new Totals(lineTotals, sum, tax, sum.add(tax));
    }

    /** {amount, paid_on, method, created_at, reference, fee, surcharge} */
    private Object[] payment(BigDecimal amount, LocalDate paidOn, LocalDateTime invoiceCreated, String method) {
        if (method == null) {
            double r = random.nextDouble();
            method = r < 0.10 ? "cash" : r < 0.40 ? "card" : r < 0.75 ? "eft" : r < 0.80 ? "cheque" : "stripe";
        }
        String reference = switch (method) {
            case "card" -> pick(List.of("VISA", "MC", "AMEX")) + " ****" + between(1000, 9999);
            case "stripe" -> "ch_" + token(24);
            case "eft" -> amount.signum() < 0 ? "Refund to customer" : "EFT " + between(100000, 999999);
            case "cheque" -> "CHQ " + between(100000, 999999);
            default -> chance(0.5) ? "Paid to technician" : null;
        };
        BigDecimal fee = null;
        BigDecimal surcharge = null;
        if ("card".equals(method) || "stripe".equals(method)) {
            fee = "stripe".equals(method)
                    ? money(amount.multiply(new BigDecimal("0.0175")).add(new BigDecimal("0.30")))
                    : money(amount.multiply(new BigDecimal("0.0160")));
            if (chance(0.4)) {
                surcharge = money(amount.multiply(new BigDecimal("0.0150")));
            }
        }
        LocalDateTime at = clamp(later(moment(paidOn), invoiceCreated.plusMinutes(between(1, 60))));
        return new Object[] {amount, paidOn, method, at, reference, fee, surcharge};
    }

    private Job addJob(Customer customer, Site site, long technicianId, String title, String status,
                       LocalDateTime scheduledFor, LocalDateTime completedAt, LocalDateTime created) {
        long id = jobList.size() + 1;
        String description = chance(0.5) ? null
                : "Customer reports: " + title.toLowerCase(Locale.ROOT) + ". " + pick(List.of(
                        "Call ahead, side access only.", "Quote approved by email.", "Bring ladder, two-storey.",
                        "Tenant will be home after 10am."));
        LocalDateTime updated = completedAt != null ? completedAt : clamp(created.plusMinutes(between(5, 600)));
        jobs.add(id, String.format(Locale.ROOT, "J%05d", id), customer.id(), site == null ? null : site.id(),
                technicianId, title, description, status, scheduledFor, completedAt, created, updated);
        Job job = new Job(id, customer, site, technicianId, title, created);
        jobList.add(job);
        return job;
    }

    /** Jobs not invoiced yet: scheduled, under way or called off. */
    private void addOpenJobs() {
        List<Customer> active = customerList.stream().filter(c -> !c.deleted()).toList();
        int count = 3 + size.invoices() / 15;
        for (int k = 0; k < count; k++) {
            Customer customer = pick(active);
            Site site = customer.sites().isEmpty() ? null : pick(customer.sites());
            JobKind kind = pick(SampleCatalogue.JOB_KINDS);
            String status = switch (k % 3) {
                case 0 -> "scheduled";
                case 1 -> "in_progress";
                default -> "cancelled";
            };
            LocalDateTime created = clamp(later(customer.created().plusHours(1),
                    moment(end.toLocalDate().minusDays(between(1, 10)))));
            LocalDateTime scheduled = switch (status) {
                case "scheduled" -> end.plusDays(between(1, 14)).withHour(between(7, 15));
                case "in_progress" -> lastDay.atTime(between(7, 12), 0);
                default -> created.toLocalDate().plusDays(2).atTime(9, 0);
            };
            addJob(customer, site, technicianFor(kind.trade()), kind.title(), status, scheduled, null, created);
        }
    }

    // ---------------------------------------------------------------- purchase orders

    private void addPurchaseOrders() {
        List<LocalDate> issued = new ArrayList<>();
        for (int k = 0; k < size.purchaseOrders(); k++) {
            issued.add(between(start.toLocalDate().plusDays(3), lastDay));
        }
        Collections.sort(issued);
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < issued.size(); k++) {
            positions.add(k);
        }
        Collections.shuffle(positions, random);
        String[] every = {"draft", "ordered", "received", "finished", "cancelled"};
        Map<Integer, String> forced = new HashMap<>();
        for (int s = 0; s < every.length && s < positions.size(); s++) {
            forced.put(positions.get(s), every[s]);
        }
        long lineId = 0;
        for (int k = 0; k < issued.size(); k++) {
            long id = k + 1;
            LocalDate issue = issued.get(k);
            double r = random.nextDouble();
            String status = forced.getOrDefault(k, r < 0.10 ? "draft" : r < 0.30 ? "ordered"
                    : r < 0.50 ? "received" : r < 0.88 ? "finished" : "cancelled");
            int vendorIndex = between(0, 6);   // the closed supplier gets no new orders
            LocalDate delivery = issue.plusDays(between(2, 10));
            if ("received".equals(status) || "finished".equals(status)) {
                delivery = min(delivery, lastDay);
            } else if ("draft".equals(status) && chance(0.5)) {
                delivery = null;
            }
            LocalDateTime created = clamp(moment(issue));
            List<Job> earlier = jobList.stream().filter(j -> !j.created().isAfter(created)).toList();
            Job job = !earlier.isEmpty() && chance(0.5) ? pick(earlier) : null;
            String address = chance(0.1) ? null
                    : job != null && job.site() != null ? job.site().address() : SampleCatalogue.WAREHOUSE;
            boolean inclusive = chance(0.2);
            String notes = chance(0.3) ? pick(List.of("Deliver to the rear loading dock.",
                    "Call Liam on 0412 555 018 on arrival.", "Back-order: balance to follow.",
                    "Supplier quote attached.")) : null;

            List<Material> stock = materialList.stream()
                    .filter(m -> m.usable() && "part".equals(m.item().kind()) && m.item().cost() != null).toList();
            List<Material> own = stock.stream().filter(m -> m.item().vendor() == vendorIndex).toList();
            List<Line> lines = new ArrayList<>();
            for (int j = between(1, 5); j > 0; j--) {
                Material m = pick(own.isEmpty() ? stock : own);
                lines.add(new Line(m, null, m.item().name(), quantity(between(1, 20)), price(m.item().cost()),
                        null, m.item().taxCode()));
            }
            if (chance(0.15)) {
                lines.add(new Line(null, null, pick(List.of("Freight", "Delivery - tail-lift truck")),
                        quantity(1), price(pick(List.of("25.0000", "85.0000"))), null, GST));
            }
            // costs are kept exclusive of GST; inclusive orders show them with GST added
            for (int n = 0; n < lines.size(); n++) {
                Line line = lines.get(n);
                if (inclusive) {
                    BigDecimal factor = BigDecimal.ONE.add(rates.get(line.taxCode()).divide(HUNDRED));
                    lines.set(n, new Line(line.material(), null, line.description(), line.quantity(),
                            line.unitPrice().multiply(factor).setScale(4, RoundingMode.HALF_UP), null, line.taxCode()));
                }
            }
            Totals totals = totals(lines, inclusive, false);

            LocalDateTime finishedAt = null;
            LocalDateTime updated = switch (status) {
                case "draft" -> clamp(created.plusMinutes(between(1, 240)));
                case "ordered" -> clamp(created.plusMinutes(between(30, 300)));
                case "received" -> clamp(later(created, moment(delivery)));
                case "finished" -> finishedAt = clamp(later(created, moment(min(delivery.plusDays(between(0, 3)), lastDay))));
                default -> clamp(created.plusDays(between(1, 3)));
            };
            String number = String.format(Locale.ROOT, "PO%04d", id);
            purchaseOrders.add(id, number, (long) vendorIndex + 1, job == null ? null : job.id(), status, issue,
                    delivery, "AUD", inclusive, address, notes, totals.subtotal(), totals.tax(), totals.total(),
                    finishedAt, created, updated);
            for (int n = 0; n < lines.size(); n++) {
                Line line = lines.get(n);
                purchaseOrderLines.add(++lineId, id, n + 1, line.material() == null ? null : line.material().id(),
                        line.description(), line.quantity(), line.unitPrice(), line.taxCode(),
                        totals.lineTotals().get(n), created, created);
            }
            purchaseOrderList.add(new PurchaseOrder(id, number, status, created,
                    SampleCatalogue.VENDORS.get(vendorIndex).name()));
        }
    }

    // ---------------------------------------------------------------- attachments

    private long attachmentId;

    private void addAttachments() {
        Invoice worked = first(invoiceList, i -> "paid".equals(i.status()) && i.job() != null);
        if (worked != null) {
            attach("invoice", worked.id(), worked.created(), worked.number() + " signed work order.pdf",
                    SampleFiles.PDF, SampleFiles.pdf(SampleCatalogue.BUSINESS + " - Work order " + worked.job().title(),
                            List.of("Invoice: " + worked.number(), "Job: " + worked.job().title(),
                                    "Site: " + (worked.job().site() == null ? "-" : ascii(worked.job().site().address())),
                                    "Work completed to the customer's satisfaction.",
                                    "Signed: ______________________ (customer)")), false);
        }
        Invoice electrical = first(invoiceList, i -> "issued".equals(i.status()) && i.total().signum() > 0);
        if (electrical != null) {
            attach("invoice", electrical.id(), electrical.created(), "switchboard-after.png", SampleFiles.PNG,
                    SampleFiles.photo(320, 240, new Color(90, 90, 100), "png"), false);
            attach("invoice", electrical.id(), electrical.created(), "Electrical Certificate of Compliance.docx",
                    SampleFiles.DOCX, SampleFiles.docx(List.of("Certificate of Compliance - Electrical Work",
                            "Contractor: " + SampleCatalogue.BUSINESS, "Invoice: " + electrical.number(),
                            "Work tested and found compliant with AS/NZS 3000."), electrical.created()), false);
        }
        Invoice accessNotes = first(invoiceList, i -> "paid".equals(i.status()) && i != worked);
        if (accessNotes != null) {
            attach("invoice", accessNotes.id(), accessNotes.created(), "Site access notes – Renée.txt",
                    SampleFiles.TEXT, SampleFiles.text("Access notes\nKey in lockbox, code 2580.\n"
                            + "Isolate the pool pump at the sub-board before starting.\n"), false);
        }
        Job photographed = first(jobList, j -> j.site() != null);
        if (photographed != null) {
            attach("job", photographed.id(), photographed.created(), "hot-water-unit-before.jpg", SampleFiles.JPEG,
                    SampleFiles.photo(640, 480, new Color(200, 200, 195), "jpg"), false);
            attach("job", photographed.id(), photographed.created(), "hot-water-unit-after.jpg", SampleFiles.JPEG,
                    SampleFiles.photo(640, 480, new Color(235, 240, 245), "jpg"), false);
            attach("job", photographed.id(), photographed.created(), "IMG_0042 (wrong job).jpg", SampleFiles.JPEG,
                    SampleFiles.photo(320, 240, new Color(60, 140, 200), "jpg"), true);
        }
        Job enquiry = first(jobList, j -> j.title().startsWith("Pool"));
        if (enquiry == null && !jobList.isEmpty()) {
            enquiry = jobList.get(0);
        }
        if (enquiry != null) {
            String customer = enquiry.customer().displayName();
            String from = enquiry.customer().email() != null && enquiry.customer().email().matches("[^@]+@[^@]+")
                    ? enquiry.customer().email() : "customer@example.com.au";
            attach("job", enquiry.id(), enquiry.created(), "Fwd - Pool pump noise and quote request.eml",
                    SampleFiles.EML, SampleFiles.forwardedEmail("Office <office@" + SampleCatalogue.DOMAIN + ">",
                            "Jack Thompson <jack.thompson@" + SampleCatalogue.DOMAIN + ">",
                            "Fwd: Pool pump noise and quote request", enquiry.created().minusHours(2),
                            "fwd-" + enquiry.id() + "@" + SampleCatalogue.DOMAIN,
                            "Hi Jack, please see below and book in.\n\n"
                                    + "---------- Forwarded message ----------\n"
                                    + "From: " + customer + " <" + from + ">\n"
                                    + "Subject: Pool pump noise and quote request\n\n"
                                    + "Hello, the pool pump has started making a grinding noise.\n"
                                    + "Could someone have a look this week and quote for a replacement?\n"
                                    + "Thanks, " + customer + "\n"), false);
        }
        PurchaseOrder quoted = first(purchaseOrderList, p -> "ordered".equals(p.status()));
        if (quoted != null) {
            attach("purchase_order", quoted.id(), quoted.created(), "Supplier quote Q-88213.pdf", SampleFiles.PDF,
                    SampleFiles.pdf("Quotation Q-88213", List.of("From: " + quoted.vendor(),
                            "For: " + SampleCatalogue.BUSINESS, "Your order: " + quoted.number(),
                            "Valid for 30 days. Prices exclude GST.")), false);
            attach("purchase_order", quoted.id(), quoted.created(), "delivery-instructions.txt", SampleFiles.TEXT,
                    SampleFiles.text("Deliver to: " + SampleCatalogue.WAREHOUSE + "\nRoller door 3, 7am-3pm.\n"),
                    false);
        }
        PurchaseOrder billed = first(purchaseOrderList, p -> "finished".equals(p.status()));
        if (billed != null) {
            attach("purchase_order", billed.id(), billed.created(), "Tax invoice 55120.pdf", SampleFiles.PDF,
                    SampleFiles.pdf("Tax invoice 55120", List.of("From: " + billed.vendor(),
                            "Your order: " + billed.number(), "Payment terms: 30 days end of month.")), false);
        }
    }

    private void attach(String ownerType, long ownerId, LocalDateTime ownerCreated, String fileName,
                        String contentType, byte[] content, boolean deleted) {
        LocalDateTime created = clamp(ownerCreated.plusMinutes(between(10, 120)));
        LocalDateTime deletedAt = deleted ? clamp(created.plusHours(3)) : null;
        attachments.add(++attachmentId, ownerType, ownerId, fileName, contentType, (long) content.length, content,
                created, deletedAt != null ? deletedAt : created, deletedAt);
    }

    // ---------------------------------------------------------------- helpers

    private long technicianFor(Trade trade) {
        List<Long> able = new ArrayList<>();
        for (int t = 0; t < SampleCatalogue.TECHNICIANS.size(); t++) {
            if (SampleCatalogue.TECHNICIANS.get(t).trade() == trade) {
                able.add((long) t + 1);
            }
        }
        return able.isEmpty() ? between(1, SampleCatalogue.TECHNICIANS.size()) : pick(able);
    }

    private Material pickMaterial(Predicate<Material> wanted) {
        return pick(materialList.stream().filter(m -> m.usable() && wanted.test(m)).toList());
    }

    private final Map<String, Integer> usedNames = new HashMap<>();

    private String unique(String name) {
        int seen = usedNames.merge(name, 1, Integer::sum);
        return seen == 1 ? name : name + " (" + seen + ")";
    }

    private String streetAddress(boolean company) {
        String street = between(1, 240) + " " + pick(SampleCatalogue.STREETS);
        double r = random.nextDouble();
        if (r < 0.15) {
            return "Unit " + between(1, 30) + "/" + street;
        }
        if (company && r < 0.25) {
            return "Level " + between(1, 12) + "\n" + street;
        }
        if (company && r < 0.30) {
            return "PO Box " + between(100, 9999);
        }
        return street;
    }

    private String landline(Place place) {
        return "(" + place.areaCode() + ") " + between(8000, 9999) + " " + String.format(Locale.ROOT, "%04d", between(0, 9999));
    }

    private String mobile() {
        return String.format(Locale.ROOT, "04%02d %03d %03d", between(0, 99), between(0, 999), between(0, 999));
    }

    /** An ABN that passes the ATO's check-digit test, formatted "51 824 753 556". */
    private String abn() {
        int[] weights = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        int[] digits = new int[11];
        int sum = 0;
        for (int d = 2; d < 11; d++) {
            digits[d] = random.nextInt(10);
            sum += digits[d] * weights[d];
        }
        // 10*(first-1) + second runs over 0..89, so exactly one prefix 10..99 makes the sum divisible by 89
        for (int prefix = 10; prefix <= 99; prefix++) {
            int first = prefix / 10;
            int second = prefix % 10;
            if ((sum + (first - 1) * 10 + second) % 89 == 0) {
                digits[0] = first;
                digits[1] = second;
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < 11; d++) {
            if (d == 2 || d == 5 || d == 8) {
                b.append(' ');
            }
            b.append(digits[d]);
        }
        return b.toString();
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String slug(String s, int max) {
        String plain = ascii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return plain.length() > max ? plain.substring(0, max) : plain;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static <T> T first(List<T> list, Predicate<T> wanted) {
        return list.stream().filter(wanted).findFirst().orElse(null);
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

    private LocalDate between(LocalDate low, LocalDate high) {
        if (!high.isAfter(low)) {
            return low.isAfter(lastDay) ? lastDay : low;
        }
        return low.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(low, high) + 1));
    }

    private LocalDateTime between(LocalDateTime low, LocalDateTime high) {
        long seconds = ChronoUnit.SECONDS.between(low, high);
        return seconds <= 1 ? low : low.plusSeconds((long) (random.nextDouble() * (seconds - 1)));
    }

    /** A working-hours moment on the day, with microseconds as the application stores them. */
    private LocalDateTime moment(LocalDate day) {
        return moment(day.atTime(between(7, 17), 0));
    }

    private LocalDateTime moment(LocalDateTime hour) {
        return hour.plusMinutes(random.nextInt(60)).plusSeconds(random.nextInt(60))
                .plusNanos(random.nextInt(1_000_000) * 1000L);
    }

    private LocalDateTime clamp(LocalDateTime t) {
        LocalDateTime latest = end.minusMinutes(1);
        return t.isAfter(latest) ? latest : t;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static BigDecimal price(String s) {
        return new BigDecimal(s).setScale(4);
    }

    private static BigDecimal quantity(int n) {
        return BigDecimal.valueOf(n).setScale(4);
    }

    private static BigDecimal percent(int p) {
        return BigDecimal.valueOf(p).divide(HUNDRED);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
