-- The payment import's claim on a Xero payment: whoever sets claim_token (a conditional UPDATE,
-- atomic in the database) is the one import that may write the payment into the field-service
-- database, or take it back out. A claim whose run is no longer RUNNING, or older than
-- fieldsync.payments.claim-timeout, was left by an import that died and may be taken over.
-- Outcomes gain SEEN (being decided) and REVERSED (deleted or voided in Xero after it was applied,
-- taken back out of the field-service books once).
ALTER TABLE xero_payment ADD COLUMN claim_token VARCHAR(64) NULL;
ALTER TABLE xero_payment ADD COLUMN claimed_at DATETIME(6) NULL;
ALTER TABLE xero_payment ADD COLUMN claim_run_id BIGINT NULL;
CREATE INDEX ix_xero_payment_updated ON xero_payment (tenant_ref, updated_at);
