-- Tamper evidence (issue 16 item 5; internal/audit). Each event carries the
-- SHA-256 of its canonical encoding chained to the previous event's hash;
-- the first event's also covers the dossier's filing facts.
ALTER TABLE dossier_events ADD COLUMN hash TEXT;

-- Existing events cannot be hashed in SQL (no SHA-256 in SQLite): the first
-- Open after this migration chains them (store.ChainLegacyEvents) and marks
-- the work done here, once. The only update the log ever allows is that
-- one: a hash set where there was none, every other column unchanged.
CREATE TABLE audit_state (k TEXT PRIMARY KEY, v TEXT NOT NULL);
INSERT INTO audit_state (k, v) VALUES ('chain_backfill', 'pending');

DROP TRIGGER dossier_events_no_update;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.id IS NOT OLD.id OR NEW.dossier_id IS NOT OLD.dossier_id
  OR NEW.seq IS NOT OLD.seq OR NEW.action IS NOT OLD.action OR NEW.from_status IS NOT OLD.from_status
  OR NEW.to_status IS NOT OLD.to_status OR NEW.actor_user_id IS NOT OLD.actor_user_id
  OR NEW.actor_role IS NOT OLD.actor_role OR NEW.actor_name IS NOT OLD.actor_name OR NEW.at IS NOT OLD.at
  OR NEW.note IS NOT OLD.note OR NEW.payload IS NOT OLD.payload OR NEW.idempotency_key IS NOT OLD.idempotency_key
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;

-- Signed checkpoints over every dossier's head (audit.Checkpoint). period
-- is unique so that several nodes writing the periodic one write it once.
CREATE TABLE audit_checkpoints (
  id         INTEGER PRIMARY KEY,
  period     TEXT NOT NULL UNIQUE,
  at         INTEGER NOT NULL,
  cut        INTEGER NOT NULL,
  dossiers   INTEGER NOT NULL,
  events     INTEGER NOT NULL,
  root       TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature  TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
