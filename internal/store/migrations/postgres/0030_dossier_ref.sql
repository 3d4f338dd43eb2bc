-- The tracking reference given to a dossier when it is filed (issue 21
-- item 4): an online filing has no legal code until the one-stop receives
-- it (Circular 01/2018 Art. 19), and the applicant must be able to quote and
-- track it at once. Random, so that it cannot be walked through like the
-- sequential codes.
ALTER TABLE dossiers ADD COLUMN ref TEXT;
CREATE UNIQUE INDEX dossiers_ref ON dossiers (ref) WHERE ref IS NOT NULL;
