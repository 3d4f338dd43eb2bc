-- Day counters behind the dashboards, the 766 index and the settlement
-- report (internal/aggregate), kept by day, month and year so that any period
-- reads few rows. procedure_code '*' holds the sum over every procedure,
-- under upper-case grains (D, M, Y) so that those rows lie together: a
-- period's totals are a short range of the primary key, and a per-procedure
-- report is another.
-- Maintained with each dossier event in the same transaction; rebuilt and
-- checked from the event log by `motcua index rebuild|check`.
CREATE TABLE stats (
  grain          TEXT NOT NULL,
  agency_id      BIGINT NOT NULL,
  procedure_code TEXT NOT NULL,
  bucket         INTEGER NOT NULL,
  recv_online     BIGINT NOT NULL DEFAULT 0,
  recv_counter    BIGINT NOT NULL DEFAULT 0,
  recv_postal     BIGINT NOT NULL DEFAULT 0,
  settled_early   BIGINT NOT NULL DEFAULT 0,
  settled_on_time BIGINT NOT NULL DEFAULT 0,
  settled_late    BIGINT NOT NULL DEFAULT 0,
  open_sweep      BIGINT NOT NULL DEFAULT 0,
  overdue_sweep   BIGINT NOT NULL DEFAULT 0,
  digitized       BIGINT NOT NULL DEFAULT 0,
  rated           BIGINT NOT NULL DEFAULT 0,
  dislikes        BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, agency_id, bucket, procedure_code)
);
