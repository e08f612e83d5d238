-- FieldSync's own state store. Runs on MySQL 8 / MariaDB 10.11+ and on H2 2.x in MySQL mode.
-- Every row belongs to one connected Xero organisation (xero_tenant), so several
-- organisations can share one state store without seeing each other's links or runs.

CREATE TABLE xero_tenant (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id          VARCHAR(64)  NOT NULL,          -- Xero's tenant (organisation) id
  name               VARCHAR(255) NULL,
  short_code         VARCHAR(20)  NULL,              -- for go.xero.com deep links
  connection_status  VARCHAR(30)  NOT NULL DEFAULT 'CONNECTED', -- CONNECTED | RECONNECT_NEEDED | DISCONNECTED
  created_at         DATETIME(6)  NOT NULL,
  updated_at         DATETIME(6)  NOT NULL,
  CONSTRAINT uq_xero_tenant UNIQUE (tenant_id)
);

-- One sync of one organisation, manual or scheduled.
CREATE TABLE sync_run (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref    BIGINT        NOT NULL,
  status        VARCHAR(30)   NOT NULL,   -- RUNNING | SUCCEEDED | COMPLETED_WITH_ERRORS | FAILED | INTERRUPTED
  run_trigger   VARCHAR(20)   NOT NULL,   -- MANUAL | SCHEDULED
  requested_by  VARCHAR(100)  NULL,
  entities      VARCHAR(500)  NULL,       -- the requested subset, comma-separated; NULL = every enabled step
  node_id       VARCHAR(100)  NULL,       -- which node ran it, to tell an interrupted run from a live one
  started_at    DATETIME(6)   NOT NULL,
  heartbeat_at  DATETIME(6)   NULL,
  finished_at   DATETIME(6)   NULL,
  message       VARCHAR(2000) NULL,
  CONSTRAINT fk_sync_run_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);
CREATE INDEX ix_sync_run_tenant_status ON sync_run (tenant_ref, status);
CREATE INDEX ix_sync_run_started ON sync_run (started_at);

-- Per run, per entity, per outcome: the counts the history shows.
CREATE TABLE sync_run_count (
  run_id       BIGINT      NOT NULL,
  entity       VARCHAR(30) NOT NULL,
  status       VARCHAR(20) NOT NULL,    -- SYNCED | FAILED | SKIPPED | PENDING
  record_count INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, entity, status),
  CONSTRAINT fk_sync_run_count_run FOREIGN KEY (run_id) REFERENCES sync_run (id)
);

-- A field-service record and the Xero record it is: written before a watermark moves,
-- so a crash never leads to a second create.
CREATE TABLE record_link (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref    BIGINT       NOT NULL,
  entity        VARCHAR(30)  NOT NULL,   -- contact | vendor | item | invoice | payment | purchase-order | bill | attachment
  local_id      BIGINT       NOT NULL,
  xero_id       VARCHAR(64)  NOT NULL,
  xero_number   VARCHAR(255) NULL,       -- InvoiceNumber, ContactNumber, Item Code...: what a person recognises
  content_hash  VARCHAR(64)  NULL,       -- hash of the last mapped payload sent: unchanged rows cost no API call
  created_at    DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uq_record_link_local UNIQUE (tenant_ref, entity, local_id),
  CONSTRAINT uq_record_link_xero UNIQUE (tenant_ref, entity, xero_id),
  CONSTRAINT fk_record_link_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);

-- Where each record stands: SYNCED, FAILED (with Xero's message), SKIPPED (with the reason) or PENDING.
CREATE TABLE record_status (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref     BIGINT        NOT NULL,
  entity         VARCHAR(30)   NOT NULL,
  local_id       BIGINT        NOT NULL,
  status         VARCHAR(20)   NOT NULL,
  message        VARCHAR(4000) NULL,
  warnings       VARCHAR(4000) NULL,
  failure_count  INT           NOT NULL DEFAULT 0,  -- consecutive failed runs, for "fails on several runs" alerts
  last_run_id    BIGINT        NULL,
  synced_at      DATETIME(6)   NULL,
  updated_at     DATETIME(6)   NOT NULL,
  CONSTRAINT uq_record_status UNIQUE (tenant_ref, entity, local_id),
  CONSTRAINT fk_record_status_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);
CREATE INDEX ix_record_status_filter ON record_status (tenant_ref, entity, status, updated_at);

-- How far each entity has been read, per direction: keyset (updated_at, id) on the field-service
-- side, Xero's UpdatedDateUTC on the Xero side.
CREATE TABLE watermark (
  tenant_ref       BIGINT      NOT NULL,
  entity           VARCHAR(30) NOT NULL,
  direction        VARCHAR(10) NOT NULL,   -- push | pull
  last_updated_at  DATETIME(6) NULL,
  last_id          BIGINT      NULL,
  updated_at       DATETIME(6) NOT NULL,
  PRIMARY KEY (tenant_ref, entity, direction),
  CONSTRAINT fk_watermark_tenant FOREIGN KEY (tenant_ref) REFERENCES xero_tenant (id)
);

-- Messages whose redeliveries were exhausted: the original body, the error, the attempts and the run.
CREATE TABLE dead_letter (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_ref   BIGINT        NULL,
  run_id       BIGINT        NULL,
  route_id     VARCHAR(100)  NULL,
  entity       VARCHAR(30)   NULL,
  local_id     BIGINT        NULL,
  endpoint     VARCHAR(500)  NULL,
  body         MEDIUMTEXT    NULL,
  error_type   VARCHAR(255)  NOT NULL,
  error        VARCHAR(4000) NOT NULL,
  attempts     INT           NOT NULL DEFAULT 1,
  created_at   DATETIME(6)   NOT NULL,
  resolved_at  DATETIME(6)   NULL,
  CONSTRAINT fk_dead_letter_run FOREIGN KEY (run_id) REFERENCES sync_run (id)
);
CREATE INDEX ix_dead_letter_open ON dead_letter (resolved_at, created_at);
