-- Inputs of the 766 index that live outside the one-stop system
-- (publication of procedures, synchronisation with the national portal,
-- complaints), entered by an administrator per agency and month and never
-- invented (internal/service/index_inputs.go).
CREATE TABLE index_inputs (
  agency_id   INTEGER NOT NULL REFERENCES agencies(id),
  month       INTEGER NOT NULL,
  indicator   TEXT NOT NULL,
  numerator   INTEGER NOT NULL,
  denominator INTEGER NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  entered_by  INTEGER NOT NULL,
  entered_at  INTEGER NOT NULL,
  PRIMARY KEY (agency_id, month, indicator)
);
