-- The console lists records newest change first, of every entity or of one outcome across
-- entities (FAILED on the overview): without these each page sorted every record of the
-- organisation (100,000 records: a filesort per page and per count).
CREATE INDEX ix_record_status_recent ON record_status (tenant_ref, updated_at, id);
CREATE INDEX ix_record_status_outcome_recent ON record_status (tenant_ref, status, updated_at, id);
