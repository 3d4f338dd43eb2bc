-- Wrong passwords counted per account AND client address (issue 16 item 8):
-- five from one address lock that address out of that account for a while,
-- so nobody can lock the director out of her own desk by guessing from
-- elsewhere. Kept in the database, not in memory, so that several serve
-- nodes behind a load balancer add up one count. addr is an IPv4 address or
-- an IPv6 /64. Rows older than a day are deleted as new failures come.
CREATE TABLE login_failures (
	user_id BIGINT NOT NULL,
	addr TEXT NOT NULL,
	failures INTEGER NOT NULL DEFAULT 0,
	locked_until BIGINT NOT NULL DEFAULT 0,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (user_id, addr)
);
CREATE INDEX login_failures_updated ON login_failures (updated_at);

-- Secrets every node must share, created once by whichever node needs one
-- first: the key that derives the lookup key printed on Form 01 (public
-- tracking, issue 16 item 9) lives here so that a dossier's key is the same
-- on every node and across restarts.
CREATE TABLE server_secrets (
	name TEXT PRIMARY KEY,
	secret TEXT NOT NULL,
	created_at BIGINT NOT NULL
);
