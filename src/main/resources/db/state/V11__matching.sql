-- Matching (data initialisation): which existing Xero contact or item each field-service customer
-- or material is, as suggested by FieldSync and decided by a person. Runs on MySQL 8 / MariaDB
-- 10.11+ and on H2 2.x in MySQL mode. The link itself lives in record_link (one Xero record per
-- FSM record and the other way round); this table keeps the candidates and the decisions.
CREATE TABLE match_suggestion (
  id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref   BIGINT         NOT NULL,
  kind         VARCHAR(30)    NOT NULL,   -- record_link entity: contact (customers) | item (materials)
  local_id     BIGINT         NOT NULL,
  local_label  VARCHAR(500)   NULL,       -- what a person recognises: number and name
  xero_id      VARCHAR(64)    NULL,       -- NULL for CREATE
  xero_label   VARCHAR(500)   NULL,
  xero_number  VARCHAR(255)   NULL,       -- what record_link keeps as xero_number: ContactNumber (else Name), item Code
  score        DECIMAL(5,4)   NULL,       -- 1 for exact matches
  reason       VARCHAR(1000)  NULL,
  status       VARCHAR(20)    NOT NULL,   -- SUGGESTED | LINKED (exact, automatically) | ACCEPTED | REJECTED |
                                          -- CREATE (a new Xero record instead) | IMPORTED (FSM row made from Xero's)
  decided_by   VARCHAR(100)   NULL,
  decided_at   DATETIME(6)    NULL,
  created_at   DATETIME(6)    NOT NULL,
  updated_at   DATETIME(6)    NOT NULL,
  CONSTRAINT fk_match_suggestion_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);
CREATE INDEX ix_match_suggestion_local ON match_suggestion (tenant_ref, kind, local_id, status);
CREATE INDEX ix_match_suggestion_status ON match_suggestion (tenant_ref, kind, status);
