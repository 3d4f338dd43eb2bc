-- Reveals of an applicant's masked personal data (org.AccessPolicy): who
-- unmasked which fields of which dossier, when and why. Supervisors see
-- ID numbers and phones masked; each deliberate look is accountable
-- (Decree 13/2023/NĐ-CP Art. 3: processing limited to its purpose).
-- Append-only: the application never updates or deletes a row.
CREATE TABLE personal_data_reveals (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
  user_id    INTEGER NOT NULL,
  username   TEXT NOT NULL,
  role       TEXT NOT NULL,
  fields     TEXT NOT NULL,  -- comma-separated: id_number, phone, email, address
  reason     TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX personal_data_reveals_dossier ON personal_data_reveals (dossier_id, id);
CREATE INDEX personal_data_reveals_at ON personal_data_reveals (at);
