/**
 * The Xero sandbox: a WireMock server whose {@link io.fieldsync.sandbox.XeroGateway} behaves like
 * Xero where an integrator feels it. The demo starts it in-process
 * ({@link io.fieldsync.sandbox.XeroSandboxConfiguration}); tests start one on a free port:
 * <pre>
 * try (XeroSandbox xero = new XeroSandbox(SandboxSettings.defaults())) {
 *     xero.start();
 *     // point the client at xero.apiUrl(), xero.identityUrl(), xero.connectionsUrl()
 *     xero.faults().on("PUT", "/Invoices").times(1).dropResponseAfterCommit();
 *     ...
 *     assertThat(xero.documents("Invoices")).hasSize(3);
 *     assertThat(xero.contractViolations()).isEmpty();
 * }
 * </pre>
 * One request at a time changes the store; Xero's rules live in the *Api classes, the gateway
 * applies faults, tokens, limits and idempotency in front of them.
 */
package io.fieldsync.sandbox;
