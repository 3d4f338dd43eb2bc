-- Online payments of fees (RULES-VN.md §1.4 financial obligation; §6.2
-- indicator 3.6, DuocThanhToanTrucTuyen). One row per attempt at the
-- gateway: ref is our unique reference sent to it; status moves once from
-- pending to paid, failed (cancelled or refused at the gateway) or unapplied
-- (the gateway took the money but the dossier no longer awaited it: a refund
-- is due). receipt_no is the receipt (biên lai) of a paid payment.
CREATE TABLE payments (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  ref           TEXT NOT NULL UNIQUE,
  dossier_id    INTEGER NOT NULL REFERENCES dossiers(id),
  provider      TEXT NOT NULL,
  amount_vnd    INTEGER NOT NULL CHECK (amount_vnd > 0),
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'unapplied')),
  payer_user_id INTEGER NOT NULL,
  payer_name    TEXT NOT NULL,
  provider_txn  TEXT NOT NULL DEFAULT '',
  result_code   TEXT NOT NULL DEFAULT '',
  receipt_no    TEXT UNIQUE,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  settled_at    INTEGER
);
CREATE INDEX payments_dossier ON payments (dossier_id, id);
