-- Public postal service (Decision 45/2016/QĐ-TTg; RULES-VN.md §9). A leg is
-- one journey by post: inbound, the dossier from the applicant to the
-- one-stop; outbound, the result from the one-stop to the applicant. The
-- leg is the current state; every step is also an event in the dossier's log.
CREATE TABLE postal_legs (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_id         INTEGER NOT NULL REFERENCES dossiers(id),
  direction          TEXT NOT NULL,            -- inbound, outbound
  tracking_number    TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL,            -- picked_up, handed_over; dispatched, delivered, delivery_failed
  operator_key_id    TEXT NOT NULL DEFAULT '',
  pickup_place       TEXT NOT NULL DEFAULT '', -- address, post_office (Art. 6(1))
  fees_collected_vnd INTEGER NOT NULL DEFAULT 0,
  fee_receipt        TEXT NOT NULL DEFAULT '',
  handover_record    TEXT NOT NULL DEFAULT '', -- number of the biên bản giao nhận
  failure_reason     TEXT NOT NULL DEFAULT '',
  picked_up_at       INTEGER,
  handed_over_at     INTEGER,
  dispatched_at      INTEGER,
  delivered_at       INTEGER,
  failed_at          INTEGER,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  UNIQUE (dossier_id, direction)
);
CREATE UNIQUE INDEX postal_legs_tracking ON postal_legs (direction, tracking_number) WHERE tracking_number <> '';

-- Nonces of the operator's signed requests, kept a little longer than a
-- timestamp stays acceptable, so that a captured request cannot be replayed
-- on this or any other server process.
CREATE TABLE postal_nonces (
  key_id  TEXT NOT NULL,
  nonce   TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX postal_nonces_seen ON postal_nonces (seen_at);
