package io.fieldsync.xero;

/** Xero refused the connection's refresh token: the connection needs reconnecting by a person. */
public record XeroConnectionRefused(String reason) {
}
