-- What the 766 index reads of the catalogue, kept beside each procedure so
-- that it is one small table read rather than a JSON decode per procedure:
-- the online service level (3.1, 3.2; Decree 42/2022 Art. 11) and whether
-- individuals file it (4.5a). '' means the source does not say.
ALTER TABLE procedures ADD COLUMN online_level TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE procedures ADD COLUMN audience TEXT NOT NULL DEFAULT '';
UPDATE procedures SET online_level = COALESCE((SELECT v.data::json->>'online_level' FROM procedure_versions v
  WHERE v.code = procedures.code AND v.version = procedures.current_version), 'unknown');
