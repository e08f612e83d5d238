package io.fieldsync.testing.messy;

/**
 * How much messy data to write. {@code invoices} are spread so that {@code bulkInvoices} of them
 * share {@code bulkSeconds} seconds (a bulk import or a mass update), a share of each second at
 * one and the same microsecond; {@code bigInvoices} carry 100 to 150 lines.
 */
public record MessySize(String name, int customers, int vendors, int materials, int invoices, int bulkInvoices,
                        int bulkSeconds, int bigInvoices, int purchaseOrders) {

    /** For mvn verify: a few thousand records, 2,100 invoices in two seconds. */
    public static final MessySize QUICK = new MessySize("quick", 600, 40, 250, 2_400, 2_100, 2, 3, 150);

    /** For the benchmark: 50,000 invoices, every one of them in five seconds. */
    public static final MessySize LARGE = new MessySize("large", 5_000, 200, 1_000, 50_000, 50_000, 5, 20, 1_000);

    /**
     * About this many records to push (customers, vendors, materials, invoices, payments, purchase
     * orders and bills), in the proportions of a field-service business: most of them invoices, nine
     * in ten of those in a mass update of a few seconds, one in 2,500 an invoice of 100+ lines.
     */
    public static MessySize ofRecords(int records) {
        int invoices = Math.max(100, records * 7 / 10);
        int bulk = invoices * 9 / 10;
        return new MessySize(records >= 1_000_000 ? records / 1_000_000 + "m" : records / 1_000 + "k",
                Math.max(60, records / 10), Math.max(12, records / 200), Math.max(40, records / 50), invoices, bulk,
                Math.max(2, bulk / 20_000), Math.max(3, invoices / 2_500), Math.max(10, records / 50));
    }

    public MessySize {
        if (customers < 60 || vendors < 12 || materials < 40 || invoices < 100 || purchaseOrders < 10) {
            throw new IllegalArgumentException("too small for every kind of mess: " + this);
        }
        if (bulkInvoices > invoices || bulkSeconds < 1) {
            throw new IllegalArgumentException("bulk invoices must be among the invoices, in at least one second: " + this);
        }
    }
}
