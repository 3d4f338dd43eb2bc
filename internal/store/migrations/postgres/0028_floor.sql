-- The hall (internal/floor): queue tickets taken at the kiosk or booked
-- online, numbered per service area and day. floor_sequences hands out the
-- numbers with one atomic upsert, so that two nodes never issue the same
-- number; a ticket changes only from the version it was read at (version),
-- so that two counters never call the same ticket.
CREATE TABLE floor_sequences (
	day TEXT NOT NULL,
	area TEXT NOT NULL,
	last BIGINT NOT NULL,
	PRIMARY KEY (day, area)
);
CREATE TABLE floor_tickets (
	id BIGSERIAL PRIMARY KEY,
	day TEXT NOT NULL,
	area TEXT NOT NULL,
	seq BIGINT NOT NULL,
	status TEXT NOT NULL,
	issued_at BIGINT NOT NULL,
	slot BIGINT,
	counter_id BIGINT NOT NULL DEFAULT 0,
	called_at BIGINT,
	served_at BIGINT,
	done_at BIGINT,
	calls BIGINT NOT NULL DEFAULT 0,
	officer_id BIGINT NOT NULL DEFAULT 0,
	dossier_id BIGINT NOT NULL DEFAULT 0,
	rating BIGINT NOT NULL DEFAULT 0,
	booking_id TEXT NOT NULL DEFAULT '',
	priority BOOLEAN NOT NULL DEFAULT FALSE,
	phone TEXT NOT NULL DEFAULT '',
	version BIGINT NOT NULL DEFAULT 1,
	UNIQUE (day, area, seq)
);
CREATE INDEX floor_tickets_day ON floor_tickets (day, status, area);
CREATE UNIQUE INDEX floor_tickets_booking ON floor_tickets (booking_id) WHERE booking_id <> '';
