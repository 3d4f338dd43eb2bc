-- Where a dossier stands in its internal process (internal/process,
-- dossier.Dossier.Step): the process version it was received under, the
-- step, its holder and officer, since when, and the consulted agencies
-- still owing an opinion. step_state keeps the whole position (answers
-- included) as JSON; the columns beside it are what the workspaces and the
-- director's supervision select on. step_pending lists the owed agencies'
-- codes as ",A,B," so that an agency finds the opinions it owes with one
-- LIKE over the few dossiers in consultation (step_no > 0 and the status
-- bound it).
ALTER TABLE dossiers ADD COLUMN process_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN step_no BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN step_state TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN step_agency TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN step_assignee BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN step_since BIGINT;
ALTER TABLE dossiers ADD COLUMN step_pending TEXT NOT NULL DEFAULT '';
CREATE INDEX dossiers_step_holder ON dossiers (step_agency, step_assignee, status) WHERE step_no > 0;
