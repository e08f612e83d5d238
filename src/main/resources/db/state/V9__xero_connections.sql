-- The OAuth2 authorisation-code connection (fieldsync.xero.grant=authorization_code).

-- One authorisation of the Xero app by a user: its tokens, encrypted (AES-GCM with
-- fieldsync.xero.token-key), and the organisation chosen among those it connects. Every node
-- refreshes under a lock on this row (SELECT ... FOR UPDATE), so two never refresh at once.
CREATE TABLE xero_authorisation (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id         VARCHAR(100)  NOT NULL,   -- the Xero app: one authorisation per app
  status            VARCHAR(30)   NOT NULL,   -- CONNECTED | CHOOSE_ORGANISATION | RECONNECT_NEEDED | NOT_CONNECTED
  tenant_id         VARCHAR(64)   NULL,       -- the chosen organisation
  access_token      TEXT          NULL,       -- encrypted
  access_expires_at DATETIME(6)   NULL,
  refresh_token     TEXT          NULL,       -- encrypted; rotated on every refresh
  scope             VARCHAR(1000) NULL,
  connected_at      DATETIME(6)   NULL,
  connected_by      VARCHAR(100)  NULL,
  refreshed_at      DATETIME(6)   NULL,
  message           VARCHAR(2000) NULL,       -- why reconnecting is needed
  updated_at        DATETIME(6)   NOT NULL,
  CONSTRAINT uq_xero_authorisation_client UNIQUE (client_id)
);

-- The state of an authorisation request in flight: single use, expiring, with its PKCE verifier.
CREATE TABLE xero_authorisation_request (
  state          VARCHAR(100) NOT NULL PRIMARY KEY,
  code_verifier  VARCHAR(200) NOT NULL,
  requested_by   VARCHAR(100) NULL,
  created_at     DATETIME(6)  NOT NULL,
  expires_at     DATETIME(6)  NOT NULL
);

-- Xero's connection id of an organisation the authorisation lists (for DELETE /connections/{id}).
ALTER TABLE xero_tenant ADD COLUMN connection_id VARCHAR(64) NULL;
