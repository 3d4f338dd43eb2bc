package store

import "context"

// SetAgencyContact records an agency's address and phone, as printed on the
// forms it issues.
func (t *Tx) SetAgencyContact(ctx context.Context, id int64, address, phone string) error {
	res, err := t.Exec(ctx, `UPDATE agencies SET address = ?, phone = ? WHERE id = ?`, address, phone, id)
	return affectedOne(res, err, "agency", id)
}
