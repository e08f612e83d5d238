-- What the push needs to send each record exactly once and only when it changed.
ALTER TABLE record_status ADD COLUMN content_hash VARCHAR(64) NULL;   -- hash of the payload last sent (or refused)
ALTER TABLE record_status ADD COLUMN attempted_at DATETIME(6) NULL;   -- set before a send, cleared by its answer:
                                                                      -- still set later = the outcome is unknown
ALTER TABLE record_status ADD COLUMN skip_kind VARCHAR(20) NULL;      -- RULE (skipped until the record changes) |
                                                                      -- DEPENDENCY (looked at again every run)
CREATE INDEX ix_record_status_revisit ON record_status (tenant_ref, entity, skip_kind);
CREATE INDEX ix_record_status_attempted ON record_status (tenant_ref, entity, attempted_at);
