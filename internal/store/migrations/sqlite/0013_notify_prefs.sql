-- The channels a citizen chose for news of their dossiers (RULES-VN.md §1.4:
-- feedback goes to the contact details the applicant registered). No row:
-- the default, e-mail and SMS wherever the dossier gives an address or phone.
CREATE TABLE notify_prefs (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id),
  email      INTEGER NOT NULL,
  sms        INTEGER NOT NULL,
  zalo       INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
