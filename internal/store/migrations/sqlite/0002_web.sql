-- Citizens sign in through OpenID Connect (the national e-ID); the pair
-- (issuer, subject) identifies them, never their ID number.
ALTER TABLE users ADD COLUMN oidc_issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN oidc_subject TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_subject <> '';

-- The applicant's satisfaction rating given when the result is returned
-- (Circular 01/2018 Art. 12; the 766 index counts dislikes, RULES-VN.md §6 5.4).
ALTER TABLE dossiers ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN rated_at INTEGER;

-- Inboxes list an agency's open dossiers by due date.
CREATE INDEX dossiers_open_due ON dossiers (processing_agency_id, due_at) WHERE finished_at IS NULL;

-- The director's overview counts what each agency settled in a period.
CREATE INDEX dossiers_settled ON dossiers (processing_agency_id, finished_at) WHERE finished_at IS NOT NULL;
