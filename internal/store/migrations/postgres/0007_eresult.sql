-- The electronic result (kết quả điện tử) issued with the decision: its
-- files, and a counter of dossiers settled with one (766 indicator 4.1,
-- RULES-VN.md §6.3 "e-result code and link").
ALTER TABLE dossiers ADD COLUMN result_files TEXT NOT NULL DEFAULT '[]';
ALTER TABLE stats ADD COLUMN eresult BIGINT NOT NULL DEFAULT 0;
