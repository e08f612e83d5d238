package io.fieldsync.demo;

/** How much sample data to write. Vendors, technicians, tax codes and the catalogue are fixed. */
public record SampleDataSize(int customers, int invoices, int purchaseOrders) {

    public static final SampleDataSize DEFAULT = new SampleDataSize(40, 300, 25);

    public SampleDataSize {
        if (customers < 1 || invoices < 0 || purchaseOrders < 0) {
            throw new IllegalArgumentException("need at least one customer and no negative sizes: "
                    + customers + "/" + invoices + "/" + purchaseOrders);
        }
    }
}
