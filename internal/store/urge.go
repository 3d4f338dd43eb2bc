package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// AgencyStaffContacts lists the active officers of an agency in the given
// roles who have an e-mail address, in account order: the people an
// expediting order is addressed to.
func (t *Tx) AgencyStaffContacts(ctx context.Context, agencyID int64, roles []org.Role) ([]model.StaffContact, error) {
	if len(roles) == 0 {
		return nil, nil
	}
	args := []any{agencyID}
	for _, r := range roles {
		args = append(args, string(r))
	}
	rows, err := t.Query(ctx, `SELECT id, name, email FROM users
		WHERE agency_id = ? AND active = 1 AND email <> '' AND role IN (`+strings.TrimSuffix(strings.Repeat("?,", len(roles)), ",")+`)
		ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: staff contacts of agency %d: %w", agencyID, err)
	}
	defer rows.Close()
	var out []model.StaffContact
	for rows.Next() {
		var c model.StaffContact
		if err := rows.Scan(&c.UserID, &c.Name, &c.Email); err != nil {
			return nil, fmt.Errorf("store: staff contacts of agency %d: %w", agencyID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AgencyOfficers lists the active officers of an agency in a role, by name:
// whom a division leader may assign a step to.
func (s *Store) AgencyOfficers(ctx context.Context, agencyID int64, role org.Role) ([]model.StaffContact, error) {
	rows, err := s.Query(ctx, `SELECT id, name, email FROM users WHERE agency_id = ? AND active = 1 AND role = ? ORDER BY name, id`,
		agencyID, string(role))
	if err != nil {
		return nil, fmt.Errorf("store: officers of agency %d: %w", agencyID, err)
	}
	defer rows.Close()
	var out []model.StaffContact
	for rows.Next() {
		var c model.StaffContact
		if err := rows.Scan(&c.UserID, &c.Name, &c.Email); err != nil {
			return nil, fmt.Errorf("store: officers of agency %d: %w", agencyID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
