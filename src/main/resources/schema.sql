-- The application's own tables, next to the engine's. Idempotent: runs at every start (H2 and PostgreSQL).

-- Last case number given per year (VOM-<year>-<number>).
CREATE TABLE IF NOT EXISTS vom_case_counter (
  counter_year INTEGER PRIMARY KEY,
  last_number  INTEGER NOT NULL
);

-- Every message the cases sent, once per idempotency key (a retried job never sends twice).
CREATE TABLE IF NOT EXISTS vom_message (
  id                  VARCHAR(36)  PRIMARY KEY,
  idempotency_key     VARCHAR(400) NOT NULL UNIQUE,
  case_number         VARCHAR(20),
  process_instance_id VARCHAR(64)  NOT NULL,
  message             VARCHAR(80)  NOT NULL,
  recipient_role      VARCHAR(80)  NOT NULL,
  channel             VARCHAR(20)  NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  content             TEXT
);
CREATE INDEX IF NOT EXISTS vom_message_case ON vom_message (case_number);
