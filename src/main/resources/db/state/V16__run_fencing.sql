-- Fencing: a run owns its organisation through an epoch taken when it starts (the organisation's
-- counter, incremented by every start and by every end another node or process gives a run).
-- Every batch sent, outcome written and watermark moved checks, in its own transaction, that the
-- run's epoch is still the organisation's: a run that lost it stops and writes nothing more.
ALTER TABLE xero_tenant ADD COLUMN run_epoch BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sync_run ADD COLUMN run_epoch BIGINT DEFAULT 0 NOT NULL;
-- Restart recovery: the process (a random id per start) that runs it; a node restarted under the
-- same fieldsync.node-id ends its dead process's runs at once instead of waiting for stale-after.
ALTER TABLE sync_run ADD COLUMN instance_id VARCHAR(64) NULL;
