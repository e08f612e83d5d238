-- What running FieldSync unattended needs: scheduled runs that waited, operator re-syncs,
-- settings changed at run time and the record of every change.

-- A scheduled trigger that fired while a run was in progress: it runs once after that run ends.
ALTER TABLE xero_tenant ADD COLUMN sync_due_at DATETIME(6) NULL;

-- An operator asked for this record to be pushed again (re-sync): the next run reads it whatever its watermark.
ALTER TABLE record_status ADD COLUMN resync_requested_at DATETIME(6) NULL;
CREATE INDEX ix_record_status_resync ON record_status (tenant_ref, entity, resync_requested_at);

-- Settings changed through the settings API, as property names under fieldsync. with their values.
-- They take precedence over the application's properties on every node sharing this store.
CREATE TABLE setting_value (
  name        VARCHAR(200)  NOT NULL PRIMARY KEY,
  setting     VARCHAR(4000) NULL,       -- the value ("value" is a reserved word in H2)
  updated_at  DATETIME(6)   NOT NULL,
  updated_by  VARCHAR(100)  NULL
);

-- Every settings change: who, when, the old and the new effective value.
CREATE TABLE settings_change (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  changed_at  DATETIME(6)   NOT NULL,
  changed_by  VARCHAR(100)  NULL,
  name        VARCHAR(200)  NOT NULL,
  old_value   VARCHAR(4000) NULL,
  new_value   VARCHAR(4000) NULL
);
CREATE INDEX ix_settings_change_time ON settings_change (changed_at);
