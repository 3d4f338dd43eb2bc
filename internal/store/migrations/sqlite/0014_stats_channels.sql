-- Counters for the 766 indicators fed by the channels of issue 6
-- (RULES-VN.md §6.3): online dossiers and digitized dossiers that got an
-- electronic result (3.3, 4.2), fee-bearing and paid-online dossiers (3.6),
-- papers reused from the citizen's data store and results shared to it
-- (4.3, 4.4). Existing dossiers contribute to them too, so the counters are
-- rebuilt from the event log at the next start.
ALTER TABLE stats ADD COLUMN online_eresult INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN digitized_eresult INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN fee_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN paid_online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN reused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE stats_rebuild SET needed = 1;
