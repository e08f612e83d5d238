package io.fieldsync.demo;
// TEMPORARY stub
public record SampleDataSize(int customers, int invoices, int purchaseOrders) {}
