-- The citizen's electronic data store (kho dữ liệu điện tử, Circular 01/2023
-- Art. 24(2)): electronic results (d) and digitized papers (e) filed under
-- the account, to be reused instead of submitted again (Decree 45/2020
-- Art. 16). The bytes stay in the blob store; a document points at an upload.
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_user_id  INTEGER NOT NULL REFERENCES users(id),
  kind           TEXT NOT NULL CHECK (kind IN ('result', 'digitized')),
  name           TEXT NOT NULL,
  file_id        TEXT NOT NULL REFERENCES files(id),
  sha256         TEXT NOT NULL,
  dossier_id     INTEGER REFERENCES dossiers(id),
  dossier_code   TEXT NOT NULL DEFAULT '',
  procedure_code TEXT NOT NULL DEFAULT '',
  issued_at      INTEGER NOT NULL,
  valid_until    INTEGER,
  created_at     INTEGER NOT NULL,
  UNIQUE (owner_user_id, file_id)
);
CREATE INDEX documents_owner ON documents (owner_user_id, issued_at);
