package io.fieldsync.xero;

/** An operator (re)connected FieldSync to a Xero organisation. */
public record XeroConnected(String tenantId, String by) {
}
