-- Inputs of the 766 index that live outside the one-stop system
-- (publication of procedures, synchronisation with the national portal,
-- complaints), entered by an administrator per agency and month and never
-- invented (internal/service/index_inputs.go).
CREATE TABLE index_inputs (
  agency_id   BIGINT NOT NULL REFERENCES agencies(id),
  month       INTEGER NOT NULL,
  indicator   TEXT NOT NULL,
  numerator   BIGINT NOT NULL,
  denominator BIGINT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  entered_by  BIGINT NOT NULL,
  entered_at  BIGINT NOT NULL,
  PRIMARY KEY (agency_id, month, indicator)
);
