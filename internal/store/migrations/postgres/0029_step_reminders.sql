-- The reminders sent to the holder of a step (issue 13 item 3): once at 75 %
-- of the step's budget and once at its overrun, per visit of the step (a
-- step returned to is a new visit, since it starts again). The primary key
-- makes a reminder sent once even when several nodes sweep at once.
CREATE TABLE step_reminders (
	dossier_id BIGINT NOT NULL,
	step BIGINT NOT NULL,
	since BIGINT NOT NULL,
	kind TEXT NOT NULL,
	sent_at BIGINT NOT NULL,
	PRIMARY KEY (dossier_id, step, since, kind)
);
