-- Contacts named apart (issue 17): a customer or vendor whose name another Xero contact had when
-- it was pushed goes to Xero as "Name (C00123)". Remembered here, so every later push (a rename
-- included) keeps the suffix instead of flipping back to a name Xero would refuse. Runs on
-- MySQL 8 / MariaDB 10.11+ and on H2 2.x in MySQL mode.
CREATE TABLE contact_name_suffix (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref  BIGINT       NOT NULL,
  entity      VARCHAR(30)  NOT NULL,   -- record_link entity: contact (customers) | vendor
  local_id    BIGINT       NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  CONSTRAINT uq_contact_name_suffix UNIQUE (tenant_ref, entity, local_id),
  CONSTRAINT fk_contact_name_suffix_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);
