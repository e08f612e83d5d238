-- A hold on an organisation by work other than a sync (a matching run): while it lasts a
-- scheduled or webhook sync is owed and starts once it ends, a manual one is refused. Its node
-- renews hold_heartbeat_at; a hold without a heartbeat for stale-after (its node died) is ended
-- by any node's watchdog, which then starts the owed sync.
ALTER TABLE xero_tenant ADD COLUMN hold_id VARCHAR(64) NULL;
ALTER TABLE xero_tenant ADD COLUMN hold_by VARCHAR(255) NULL;
ALTER TABLE xero_tenant ADD COLUMN hold_heartbeat_at DATETIME(6) NULL;
