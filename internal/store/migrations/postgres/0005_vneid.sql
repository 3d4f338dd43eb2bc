-- A dossier filed by a citizen signed in with the national e-ID carries
-- identity data from the population database (766 indicator 4.5b,
-- RULES-VN.md §6.3 "VNeID-verified flag"), and the counters count them.
ALTER TABLE dossiers ADD COLUMN vneid_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE stats ADD COLUMN vneid BIGINT NOT NULL DEFAULT 0;

-- The director's overview counts "at risk" dossiers by a short range of due
-- dates, settled or not.
CREATE INDEX dossiers_due_at ON dossiers (due_at);
