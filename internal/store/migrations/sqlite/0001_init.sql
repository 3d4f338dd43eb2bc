-- Times are Unix milliseconds in UTC; shown in Asia/Ho_Chi_Minh by the code.
CREATE TABLE agencies (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('province','district','commune')),
  kind        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES agencies(id),
  one_stop_id INTEGER REFERENCES agencies(id),
  active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE counters (
  id        INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  UNIQUE (agency_id, code)
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  agency_id     INTEGER REFERENCES agencies(id),
  password_hash TEXT NOT NULL DEFAULT '',
  id_number     TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  email         TEXT NOT NULL DEFAULT '',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE procedures (
  code             TEXT PRIMARY KEY,
  current_version  INTEGER NOT NULL,
  name             TEXT NOT NULL,
  search_key       TEXT NOT NULL,
  sector           TEXT NOT NULL,
  level            TEXT NOT NULL,
  default_agency_id INTEGER REFERENCES agencies(id)
);

CREATE TABLE procedure_versions (
  code       TEXT NOT NULL REFERENCES procedures(code),
  version    INTEGER NOT NULL,
  data       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (code, version)
);

CREATE TABLE dossiers (
  id                   INTEGER PRIMARY KEY,
  code                 TEXT UNIQUE,
  procedure_code       TEXT NOT NULL,
  procedure_version    INTEGER NOT NULL,
  status               TEXT NOT NULL,
  channel              TEXT NOT NULL,
  return_method        TEXT NOT NULL,
  applicant_user_id    INTEGER,
  applicant_name       TEXT NOT NULL,
  applicant_name_key   TEXT NOT NULL,
  applicant_id_number  TEXT NOT NULL,
  applicant_phone      TEXT NOT NULL,
  applicant_email      TEXT NOT NULL,
  applicant_address    TEXT NOT NULL,
  components           TEXT NOT NULL,
  receiving_agency_id  INTEGER NOT NULL REFERENCES agencies(id),
  processing_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  version              INTEGER NOT NULL,
  submitted_at         INTEGER NOT NULL,
  received_at          INTEGER,
  due_at               INTEGER,
  original_due_at      INTEGER,
  previous_due_at      INTEGER,
  due_explain          TEXT NOT NULL DEFAULT '',
  suspended_at         INTEGER,
  resume_status        TEXT NOT NULL DEFAULT '',
  supplement_count     INTEGER NOT NULL DEFAULT 0,
  extension_count      INTEGER NOT NULL DEFAULT 0,
  finished_at          INTEGER,
  returned_at          INTEGER,
  fee_vnd              INTEGER NOT NULL DEFAULT 0,
  payment_due_vnd      INTEGER NOT NULL DEFAULT 0,
  paid_vnd             INTEGER NOT NULL DEFAULT 0,
  updated_at           INTEGER NOT NULL,
  FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedure_versions(code, version)
);
CREATE INDEX dossiers_status ON dossiers(status, processing_agency_id);
CREATE INDEX dossiers_receiving ON dossiers(receiving_agency_id, status);
CREATE INDEX dossiers_processing ON dossiers(processing_agency_id, status);
CREATE INDEX dossiers_applicant ON dossiers(applicant_user_id);
CREATE INDEX dossiers_id_number ON dossiers(applicant_id_number);
CREATE INDEX dossiers_name_key ON dossiers(applicant_name_key);
CREATE INDEX dossiers_due ON dossiers(due_at) WHERE finished_at IS NULL;

-- The legal record: append-only, enforced below.
CREATE TABLE dossier_events (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER NOT NULL REFERENCES dossiers(id),
  seq             INTEGER NOT NULL,
  action          TEXT NOT NULL,
  from_status     TEXT NOT NULL,
  to_status       TEXT NOT NULL,
  actor_user_id   INTEGER NOT NULL,
  actor_role      TEXT NOT NULL,
  actor_name      TEXT NOT NULL,
  at              INTEGER NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  payload         TEXT NOT NULL DEFAULT '{}',
  idempotency_key TEXT NOT NULL DEFAULT '',
  UNIQUE (dossier_id, seq)
);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;

CREATE TABLE idempotency_keys (
  scope        TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code  INTEGER NOT NULL DEFAULT 0,
  response     TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Circular 01/2018 Art. 19: the sequence restarts each day per receiving agency.
CREATE TABLE code_sequences (
  agency_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  last        INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day)
);

CREATE TABLE files (
  id           TEXT PRIMARY KEY,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  name         TEXT NOT NULL,
  owner_user_id INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
);

CREATE TABLE calendar_overrides (
  year       INTEGER PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_by INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
