-- A dead letter holds a whole batch: the local ids of its records, so it can be resolved once
-- every one of them has an outcome again, and the collection it was meant for.
ALTER TABLE dead_letter ADD COLUMN local_ids TEXT NULL;
CREATE INDEX ix_dead_letter_run ON dead_letter (run_id);
