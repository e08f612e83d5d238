-- Where each field-service file goes in Xero: its document and the name it has there. The place
-- is taken before the upload, so an upload sent again (after a lost answer) uses the same name and
-- Xero replaces its own copy instead of holding two. The rows of a document tell how many of
-- Xero's 10 places are taken and which names are used: Xero replaces a file of the same name.
-- A file is exported once (its record_link); deleting it in the field-service system is not synced.
CREATE TABLE attachment_export (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref          BIGINT        NOT NULL,
  entity              VARCHAR(30)   NOT NULL,   -- attachment (its invoice or purchase order) | bill-attachment (the order's bill)
  attachment_id       BIGINT        NOT NULL,   -- attachments.id in the field-service database
  document_xero_id    VARCHAR(64)   NOT NULL,
  file_name           VARCHAR(255)  NOT NULL,   -- as named in Xero
  xero_attachment_id  VARCHAR(64)   NULL,       -- once Xero has it
  placed_at           DATETIME(6)   NOT NULL,
  CONSTRAINT uq_attachment_export UNIQUE (tenant_ref, entity, attachment_id),
  CONSTRAINT fk_attachment_export_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);
CREATE INDEX ix_attachment_export_document ON attachment_export (tenant_ref, document_xero_id);
