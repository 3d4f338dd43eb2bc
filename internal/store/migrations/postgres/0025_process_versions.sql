-- Internal processes (quy trình nội bộ, internal/process), one row per
-- version. A version is never changed: a new one is inserted, and a dossier
-- keeps the version in force when it was received (the latest created at or
-- before its reception). The steps are one JSON document (data), as for
-- procedure_versions: a process is always read and validated whole (its
-- budgets must add up to the procedure's time limit), and what is counted
-- by SQL later (steps run over, per agency) are the dossiers' step
-- hand-overs in the event log, not these definitions.
CREATE TABLE process_versions (
	procedure_code TEXT NOT NULL REFERENCES procedures(code),
	version BIGINT NOT NULL,
	procedure_version BIGINT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	variant_code TEXT NOT NULL DEFAULT '',
	data TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	created_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (procedure_code, version)
);
CREATE INDEX process_versions_in_force ON process_versions (procedure_code, created_at);
