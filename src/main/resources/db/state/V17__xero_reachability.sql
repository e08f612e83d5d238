-- What the last real call to Xero (API or identity, any node) found, so the connection status
-- tells the truth: ANSWERED, UNREACHABLE (no answer, or a 5xx: since when and why), or REFUSED
-- (a custom connection's credentials refused). One row per Xero app; written when it changes.
CREATE TABLE xero_reachability (
  client_id   VARCHAR(100)  NOT NULL PRIMARY KEY,
  status      VARCHAR(30)   NOT NULL,   -- ANSWERED | UNREACHABLE | REFUSED
  since       DATETIME(6)   NOT NULL,   -- when the status began
  last_at     DATETIME(6)   NOT NULL,   -- when it was last seen
  reason      VARCHAR(2000) NULL        -- why, for UNREACHABLE and REFUSED
);
