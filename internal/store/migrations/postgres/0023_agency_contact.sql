-- The address and phone of an agency, printed on the forms it issues (Form 02
-- names the receiving unit's contact; issue 22 item 5). Empty when not known:
-- the form then prints dots to fill in by hand.
ALTER TABLE agencies ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN phone TEXT NOT NULL DEFAULT '';
