-- The hall (internal/floor): queue tickets taken at the kiosk or booked
-- online, numbered per service area and day. floor_sequences hands out the
-- numbers with one atomic upsert, so that two nodes never issue the same
-- number; a ticket changes only from the version it was read at (version),
-- so that two counters never call the same ticket.
CREATE TABLE floor_sequences (
	day TEXT NOT NULL,
	area TEXT NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (day, area)
);
CREATE TABLE floor_tickets (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	area TEXT NOT NULL,
	seq INTEGER NOT NULL,
	status TEXT NOT NULL,
	issued_at INTEGER NOT NULL,
	slot INTEGER,
	counter_id INTEGER NOT NULL DEFAULT 0,
	called_at INTEGER,
	served_at INTEGER,
	done_at INTEGER,
	calls INTEGER NOT NULL DEFAULT 0,
	officer_id INTEGER NOT NULL DEFAULT 0,
	dossier_id INTEGER NOT NULL DEFAULT 0,
	rating INTEGER NOT NULL DEFAULT 0,
	booking_id TEXT NOT NULL DEFAULT '',
	priority INTEGER NOT NULL DEFAULT 0,
	phone TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (day, area, seq)
);
CREATE INDEX floor_tickets_day ON floor_tickets (day, status, area);
CREATE UNIQUE INDEX floor_tickets_booking ON floor_tickets (booking_id) WHERE booking_id <> '';
