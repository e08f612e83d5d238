-- Alerts and run reports, written by the connector and sent by the send-alerts route. Runs on
-- MySQL 8 / MariaDB 10.11+ and on H2 2.x in MySQL mode.

-- Every alert and report ever written: a row is the message, the outbox and the notification
-- list in one, so a message is kept until SMTP takes it and never lost to a mail server outage.
CREATE TABLE alert_outbox (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(20)   NOT NULL,   -- ALERT | ERROR_REPORT | SYNC_REPORT
  condition_key    VARCHAR(500)  NULL,       -- the condition an ALERT is about, e.g. run-failed, record-failing:invoice:17
  run_id           BIGINT        NULL,       -- the run it is about (no foreign key: a report outlives pruned runs)
  delivery         VARCHAR(10)   NOT NULL,   -- MAIL (the route sends it) | INTERNAL (no SMTP host: only listed)
  subject          VARCHAR(500)  NOT NULL,
  body             MEDIUMTEXT    NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  sent_at          DATETIME(6)   NULL,       -- set in the same step that saw SMTP accept it
  attempts         INT           NOT NULL DEFAULT 0,
  last_error       VARCHAR(2000) NULL,
  next_attempt_at  DATETIME(6)   NULL,       -- back-off after a failed attempt
  claimed_at       DATETIME(6)   NULL,       -- a node is sending it; a stale claim (crashed node) expires
  claimed_by       VARCHAR(200)  NULL
);
CREATE INDEX ix_alert_outbox_due ON alert_outbox (delivery, sent_at, next_attempt_at);
CREATE INDEX ix_alert_outbox_created ON alert_outbox (created_at);

-- Conditions that need a person and when they were last alerted: an alert goes out once, and
-- again only if the condition persists past fieldsync.alerts.repeat-after. Cleared when it ends.
CREATE TABLE alert_condition (
  condition_key    VARCHAR(200)  NOT NULL PRIMARY KEY,
  first_seen_at    DATETIME(6)   NOT NULL,
  last_alerted_at  DATETIME(6)   NOT NULL
);
