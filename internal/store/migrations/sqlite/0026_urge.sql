-- Expediting orders (đôn đốc, Decree 118/2025 Art. 8): how many a dossier
-- received and when the last one came, so that the holder's inbox can flag it
-- without reading the event log.
ALTER TABLE dossiers ADD COLUMN urge_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN urged_at INTEGER;
