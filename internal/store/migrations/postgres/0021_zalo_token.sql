-- The Zalo Official Account's OAuth token pair (notify.ZaloTokens). An access
-- token lives about 25 hours and the refresh token that renews it is single
-- use and rotates, so the pair is kept here, shared by every node, rather
-- than in each process's environment. One row. version changes with every
-- stored pair; lease_holder/lease_until let one node at a time spend the
-- refresh token (the others wait and read the new pair). seed_sha256 names
-- the MOTCUA_ZALO_REFRESH_TOKEN the pair grew from, so a new seed replaces it.
CREATE TABLE zalo_token (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	access_token TEXT NOT NULL DEFAULT '',
	refresh_token TEXT NOT NULL,
	expires_at BIGINT NOT NULL DEFAULT 0,
	version BIGINT NOT NULL DEFAULT 1,
	lease_holder TEXT NOT NULL DEFAULT '',
	lease_until BIGINT NOT NULL DEFAULT 0,
	seed_sha256 TEXT NOT NULL,
	updated_at BIGINT NOT NULL
);
