-- Complaints (PAKN) linked to a dossier, and a counter of dossiers settled
-- with one but not rated "không hài lòng", so that 766 indicator 5.4 reads
-- "complained or disliked" as dislikes + complained (RULES-VN.md §6.2 group 5).
ALTER TABLE dossiers ADD COLUMN complaint_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN complained INTEGER NOT NULL DEFAULT 0;
