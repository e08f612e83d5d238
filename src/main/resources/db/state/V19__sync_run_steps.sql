-- A run's steps as they happened, for its timeline: one row per step (push of invoices, pull of
-- contacts, payment import), started and finished, with the outcomes recorded while it ran.
-- Written by the node running the run; a step still open when the run ends closes with it.
CREATE TABLE sync_run_step (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id       BIGINT      NOT NULL,
  position     INT         NOT NULL,    -- 1, 2, ... in the order the run took them
  step         VARCHAR(30) NOT NULL,    -- push | pull | import | export
  entity       VARCHAR(30) NOT NULL,
  started_at   DATETIME(6) NOT NULL,
  finished_at  DATETIME(6) NULL,
  synced       INT         NOT NULL DEFAULT 0,
  failed       INT         NOT NULL DEFAULT 0,
  skipped      INT         NOT NULL DEFAULT 0,
  CONSTRAINT uq_sync_run_step UNIQUE (run_id, position),
  CONSTRAINT fk_sync_run_step_run FOREIGN KEY (run_id) REFERENCES sync_run (id)
);
