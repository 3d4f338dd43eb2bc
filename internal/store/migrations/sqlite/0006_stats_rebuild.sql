-- The counters (0003) start empty while a database upgraded from an earlier
-- version already holds dossiers: this flag asks the first `motcua serve`
-- (or `motcua index rebuild`) to recompute them from the event log.
CREATE TABLE stats_rebuild (needed INTEGER NOT NULL);
INSERT INTO stats_rebuild (needed) VALUES (1);
