-- The application's own tables, next to the engine's. Idempotent: runs at every start (H2 and PostgreSQL).

-- Last case number given per year (VOM-<year>-<number>).
CREATE TABLE IF NOT EXISTS vom_case_counter (
  counter_year INTEGER PRIMARY KEY,
  last_number  INTEGER NOT NULL
);

-- The register of cases (CaseRegistry): one row per case, written by the registration of the referral
-- only. The primary key makes a case number unique on any number of nodes; a deleted case keeps its row
-- without personal data, so its number is never given again. Access and delivery read it, never a variable.
CREATE TABLE IF NOT EXISTS vom_case (
  case_number         VARCHAR(20)  PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL UNIQUE,
  referred_by         VARCHAR(100),
  referrer_name       VARCHAR(200),
  referrer_email      VARCHAR(320),
  registered_at       TIMESTAMP    NOT NULL,
  deleted_at          TIMESTAMP
);

-- The desk's columns of the register (CaseDesk, README "The mediator's desk"): what the case list searches,
-- filters and sorts by, so that the list is one query on this table. persons (the persons' names) and
-- referrer_reference are written by the registration; phase, next_date (the earliest due date of an open task or
-- timer of the case and its called processes) and next_what are written after every step of the case commits.
-- The deletion (R20) empties persons, referrer_reference and next_what.
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS persons VARCHAR(2000);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS referrer_reference VARCHAR(200);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS phase VARCHAR(40);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS next_date TIMESTAMP;
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS next_what VARCHAR(300);

-- The authority that gave a self-referral's mandate ("Record the mandate"): from then on the referrer of record, to
-- whom the case's reports go (Recipients), not the self-referrer. Written by that step only; emptied by the deletion.
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS mandate_authority_name VARCHAR(200);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS mandate_authority_email VARCHAR(320);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS mandate_authority_address VARCHAR(500);
-- The figures' columns of the register (FiguresService, README "Performance at scale"): the programme profile, the
-- referral's source and procedural stage (written by the registration, never changed after it) and closed_at (written by
-- the end of the case's instance: its closure, or CaseEndRecorder from the engine's own end event, in that transaction).
-- The figures count the running cases here, one narrow table, instead of four variables per case in the engine's
-- variable table. CaseRegistryBackfill.describeEarlierCasesForTheFigures fills them at start for cases registered before.
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS programme_profile VARCHAR(40);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS referral_source VARCHAR(40);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS procedural_stage VARCHAR(40);
ALTER TABLE vom_case ADD COLUMN IF NOT EXISTS closed_at TIMESTAMP;
CREATE INDEX IF NOT EXISTS vom_case_running ON vom_case (closed_at, programme_profile);
CREATE INDEX IF NOT EXISTS vom_case_next ON vom_case (next_date, case_number);
CREATE INDEX IF NOT EXISTS vom_case_phase_next ON vom_case (phase, next_date, case_number);

-- The case's mediators (lead first), written by the assignment and every reassignment only.
CREATE TABLE IF NOT EXISTS vom_case_mediator (
  case_number         VARCHAR(20)  NOT NULL,
  user_id             VARCHAR(100) NOT NULL,
  is_lead             BOOLEAN      NOT NULL,
  PRIMARY KEY (case_number, user_id)
);
CREATE INDEX IF NOT EXISTS vom_case_mediator_user ON vom_case_mediator (user_id);

-- The running cases counted as they change (RunningCaseCounts, README "Performance at scale"): per programme profile, day
-- of registration, referral source and procedural stage, and per mediator and programme profile, each key spread over a
-- few slots. Written by the register's own changes (registration, a case's end, an assignment or reassignment, the
-- deletion) in their transaction, and corrected at start where they differ from the register. The figures and the
-- assignment read these few rows instead of every running case's. A missing value is the empty string.
CREATE TABLE IF NOT EXISTS vom_running_cases (
  programme_profile   VARCHAR(40)  NOT NULL,
  registered_on       DATE         NOT NULL,
  referral_source     VARCHAR(40)  NOT NULL,
  procedural_stage    VARCHAR(40)  NOT NULL,
  slot                SMALLINT     NOT NULL,
  cases               INTEGER      NOT NULL,
  PRIMARY KEY (programme_profile, registered_on, referral_source, procedural_stage, slot)
);
CREATE TABLE IF NOT EXISTS vom_running_cases_by_mediator (
  user_id             VARCHAR(100) NOT NULL,
  programme_profile   VARCHAR(40)  NOT NULL,
  slot                SMALLINT     NOT NULL,
  cases               INTEGER      NOT NULL,
  PRIMARY KEY (user_id, programme_profile, slot)
);

-- Every message the cases sent (R21, R22): one row per sending and recipient, keyed by case instance,
-- activity, execution and recipient, so that a retried job skips what was delivered. The row is written
-- (status sending) in its own transaction before the mail leaves, and marked sent, to_post (a letter for
-- the mediator to post), failed or unknown (outcome unknown) after; a row found at sending by the retried
-- job (a crash mid-send) becomes unknown. An unknown mail is sent again with the same Message-ID
-- (resending, then resent); outcome_unknown remembers that an earlier attempt may have arrived.
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
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS recipient_name VARCHAR(200);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS recipient_address VARCHAR(500);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS language VARCHAR(10);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS subject VARCHAR(300);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS body TEXT;
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS attachments VARCHAR(500);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS document_id VARCHAR(36);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS sent_at TIMESTAMP;
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS error VARCHAR(500);
ALTER TABLE vom_message ADD COLUMN IF NOT EXISTS outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX IF NOT EXISTS vom_message_case ON vom_message (case_number);

-- Documents the cases generate (the agreement, R14; letters for persons without email, R21): the bytes
-- here, a reference (id) in the process, so that the engine's history stays small and deletion (R20)
-- removes them with the case.
CREATE TABLE IF NOT EXISTS vom_document (
  id                  VARCHAR(36)  PRIMARY KEY,
  idempotency_key     VARCHAR(400) NOT NULL UNIQUE,
  case_number         VARCHAR(20)  NOT NULL,
  document            VARCHAR(80)  NOT NULL,
  file_name           VARCHAR(200) NOT NULL,
  media_type          VARCHAR(100) NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  bytes               BYTEA        NOT NULL
);
-- Installations from before the PDF documents kept text in column content.
ALTER TABLE vom_document DROP COLUMN IF EXISTS content;
ALTER TABLE vom_document ADD COLUMN IF NOT EXISTS bytes BYTEA;
CREATE INDEX IF NOT EXISTS vom_document_case ON vom_document (case_number);
-- Documents a case's mediators and the coordinators upload to the case file (README "The mediator's desk"): a PDF,
-- PNG or JPEG; document holds the kind (signed_agreement, mandate_letter, ...), title what the uploader called it,
-- uploaded_by who uploaded it. Generated documents have neither. Deleted with the case (R20).
ALTER TABLE vom_document ADD COLUMN IF NOT EXISTS title VARCHAR(200);
ALTER TABLE vom_document ADD COLUMN IF NOT EXISTS uploaded_by VARCHAR(100);

-- The anonymous figures of every closed case (R20, R25): no name, no date of birth, no contact, no
-- case number, no free text; they survive the deletion of the case's personal data.
CREATE TABLE IF NOT EXISTS vom_case_figures (
  id                  VARCHAR(36)  PRIMARY KEY,
  programme_profile   VARCHAR(40)  NOT NULL,
  referral_source     VARCHAR(40),
  procedural_stage    VARCHAR(40),
  offence_category    VARCHAR(40),
  registered_on       DATE,
  closed_on           DATE         NOT NULL,
  closure_reason      VARCHAR(40)  NOT NULL,
  victims             INTEGER      NOT NULL,
  offenders           INTEGER      NOT NULL,
  session_outcome     VARCHAR(40),
  meeting_type        VARCHAR(20),
  agreement_fulfilment VARCHAR(40),
  details             TEXT         NOT NULL
);
CREATE INDEX IF NOT EXISTS vom_case_figures_closed ON vom_case_figures (closed_on);
-- Whether the row's figures are in vom_closed_case_counts: TRUE from the transaction that wrote both; a row written
-- before the counts existed (or by SQL) has NULL until the next start counts it (ClosedCaseFigures.countEarlierRows).
ALTER TABLE vom_case_figures ADD COLUMN IF NOT EXISTS counted BOOLEAN;

-- The closed cases' figures counted as they close (ClosedCaseFigures, FigureCounts, README "Performance at scale"):
-- per programme profile and day (of closure; of registration for the referral's counts), a figure (closed, contact
-- reached, a closure reason, days to the session ...) and its code ('' when it has none; a number of days for a phase,
-- so medians are exact). The figures of a period sum its days' rows instead of reading every closed case's row.
CREATE TABLE IF NOT EXISTS vom_closed_case_counts (
  programme_profile   VARCHAR(40)  NOT NULL,
  counted_on          DATE         NOT NULL,
  figure              VARCHAR(40)  NOT NULL,
  code                VARCHAR(100) NOT NULL,
  amount              DECIMAL(24,6) NOT NULL,
  PRIMARY KEY (programme_profile, counted_on, figure, code)
);

-- The audit trail of what the application's own pages hand out: document downloads and figures
-- exports (who, what, when). Rows about a case are deleted with the case (R20).
CREATE TABLE IF NOT EXISTS vom_audit (
  id                  VARCHAR(36)  PRIMARY KEY,
  at                  TIMESTAMP    NOT NULL,
  user_id             VARCHAR(100) NOT NULL,
  action              VARCHAR(60)  NOT NULL,
  case_number         VARCHAR(20),
  detail              VARCHAR(500)
);
CREATE INDEX IF NOT EXISTS vom_audit_case ON vom_audit (case_number);

-- The confidential parts of the cases (R4, R16, R24): police-file details (coordinators only) and the
-- mediators' notes of preparation meetings and sessions, safety concerns (the case's mediators only).
-- They never become engine variables, so no engine route (Cockpit, /engine-rest, history) shows them.
-- Deleted with the case (R20).
CREATE TABLE IF NOT EXISTS vom_confidential_note (
  id                  VARCHAR(36)  PRIMARY KEY,
  case_number         VARCHAR(20)  NOT NULL,
  kind                VARCHAR(40)  NOT NULL,
  person_id           VARCHAR(20),
  process_instance_id VARCHAR(64),
  task_name           VARCHAR(200),
  written_by          VARCHAR(100),
  written_at          TIMESTAMP    NOT NULL,
  text                TEXT         NOT NULL
);
CREATE INDEX IF NOT EXISTS vom_confidential_note_case ON vom_confidential_note (case_number);

-- The plain notes of a case (CaseNotes): what a case's mediator or a coordinator writes down for everyone who may
-- read the case (its mediators, coordinators, supervisors), with author and time. Not confidential: those are
-- vom_confidential_note. Deleted with the case (R20).
CREATE TABLE IF NOT EXISTS vom_case_note (
  id                  VARCHAR(36)  PRIMARY KEY,
  case_number         VARCHAR(20)  NOT NULL,
  written_by          VARCHAR(100) NOT NULL,
  written_at          TIMESTAMP    NOT NULL,
  text                TEXT         NOT NULL
);
CREATE INDEX IF NOT EXISTS vom_case_note_case ON vom_case_note (case_number, written_at);

-- Migration runs (MigrationRuns, README "Moving running cases to another version"): what an administrator
-- asked for, by whom and when, and per case concerned its state (pending, migrated, failed), the instances
-- moved and why it did not move, in words. Carried out in the background, one case per transaction; a run
-- left unfinished by a stop is resumed at the next start.
CREATE TABLE IF NOT EXISTS vom_migration_run (
  id                  VARCHAR(36)  PRIMARY KEY,
  process_key         VARCHAR(255) NOT NULL,
  source_version      INTEGER,
  target_version      INTEGER      NOT NULL,
  target_version_tag  VARCHAR(255),
  extra_mappings      TEXT         NOT NULL,
  started_by          VARCHAR(100) NOT NULL,
  started_at          TIMESTAMP    NOT NULL,
  prepared_at         TIMESTAMP,
  total               INTEGER
);
CREATE TABLE IF NOT EXISTS vom_migration_case (
  run_id              VARCHAR(36)  NOT NULL,
  root_instance_id    VARCHAR(64)  NOT NULL,
  case_number         VARCHAR(64),
  status              VARCHAR(20)  NOT NULL,
  instances           TEXT,
  problems            TEXT,
  finished_at         TIMESTAMP,
  PRIMARY KEY (run_id, root_instance_id)
);

-- The referral as registered (JSON: the variables of CaseVariables.REGISTRATION with the values the registration gave
-- them), written with the case's row of vom_case in the registration's transaction: the history writes no first past
-- value of these variables (CaseHistoryLevel). A table of its own so that the register's row, which the figures and the
-- case list scan, stays narrow. Personal data: deleted by the deletion (R20). No row for cases registered before it.
CREATE TABLE IF NOT EXISTS vom_case_referral (
  case_number         VARCHAR(40)  NOT NULL PRIMARY KEY,
  referral            TEXT         NOT NULL
);
