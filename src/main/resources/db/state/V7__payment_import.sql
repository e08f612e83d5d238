-- Every Xero payment the import has seen, once per organisation, with what became of it:
-- IMPORTED (applied to its linked invoice), MATCHED (applied to the one open invoice of the same
-- customer for exactly its amount), UNMATCHED (for a person to reconcile), OURS (pushed by
-- FieldSync itself), IGNORED (not a payment of a sales invoice, or deleted).
CREATE TABLE xero_payment (
  id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref        BIGINT         NOT NULL,
  payment_id        VARCHAR(36)    NOT NULL,
  invoice_xero_id   VARCHAR(36)    NULL,
  invoice_number    VARCHAR(255)   NULL,
  contact_xero_id   VARCHAR(36)    NULL,
  contact_name      VARCHAR(255)   NULL,
  amount            DECIMAL(14,2)  NOT NULL,
  paid_on           DATE           NULL,
  reference         VARCHAR(255)   NULL,
  outcome           VARCHAR(20)    NOT NULL,
  local_invoice_id  BIGINT         NULL,
  reason            VARCHAR(1000)  NULL,
  created_at        DATETIME(6)    NOT NULL,
  updated_at        DATETIME(6)    NOT NULL,
  CONSTRAINT uq_xero_payment UNIQUE (tenant_ref, payment_id)
);
CREATE INDEX ix_xero_payment_outcome ON xero_payment (tenant_ref, outcome);
