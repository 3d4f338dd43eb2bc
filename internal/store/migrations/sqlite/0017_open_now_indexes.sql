-- A running period's figures read the dossiers open at this instant and
-- those settled after it (store.OpenNow). At 10M dossiers this was 77 % of
-- the server's CPU under the mixed load (BENCHMARKS.md): the open index
-- lacked the columns of the overdue rule, so every open dossier was read
-- from the table, and province-wide the (agency, finished_at) index cannot
-- serve "settled after now", so every settled dossier was read. The open
-- index now carries those columns (inboxes still read it by agency and due
-- date), and finished_at has an index of its own; in production the range
-- after now is empty.
DROP INDEX dossiers_open_due;
CREATE INDEX dossiers_open_due ON dossiers (processing_agency_id, due_at, received_at, suspended_at, supplement_count, procedure_code)
  WHERE finished_at IS NULL;
CREATE INDEX dossiers_finished_at ON dossiers (finished_at) WHERE finished_at IS NOT NULL;
