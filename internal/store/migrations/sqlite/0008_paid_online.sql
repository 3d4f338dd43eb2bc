-- Whether the fee was paid through the online payment provider
-- (DuocThanhToanTrucTuyen, RULES-VN.md §6.3; 766 indicator 3.6).
ALTER TABLE dossiers ADD COLUMN paid_online INTEGER NOT NULL DEFAULT 0;
