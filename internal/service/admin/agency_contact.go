package admin

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/textin"
)

// An office number as printed: digits with the spaces, dots, dashes and
// brackets people write them with ("0237 385 2001", "(024) 3825.1234"), an
// optional "+" first, 8 to 15 digits in all.
var agencyPhone = regexp.MustCompile(`^\+?[0-9 .()-]{8,25}$`)

// SetAgencyContact records the address and phone an agency's forms print
// (Form 02 names the receiving unit's contact). Either may be empty: the
// form then prints dots to fill in by hand.
func (s *Admin) SetAgencyContact(ctx context.Context, actor org.Actor, id int64, address, phone string) error {
	if err := core.RequireAdmin(actor); err != nil {
		return err
	}
	address, phone = strings.TrimSpace(textfold.NFC(address)), strings.TrimSpace(phone)
	if p, ok := textin.Line(address); !ok {
		return apperr.Newf(apperr.Invalid, "agency_address_invalid", "Địa chỉ %[1]s.", "The address %[2]s.", p.Vi(), p.En())
	}
	digits := 0
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	switch {
	case utf8.RuneCountInString(address) > 300:
		return invalid("agency_address_too_long", "Địa chỉ cơ quan dài tối đa 300 ký tự.", "The agency's address is at most 300 characters.")
	case phone != "" && (!agencyPhone.MatchString(phone) || digits < 8 || digits > 15):
		return invalid("agency_phone_invalid", "Số điện thoại cơ quan không hợp lệ (ví dụ 0237 385 2001).", "Invalid agency phone number (for example 0237 385 2001).")
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetAgencyContact(ctx, id, address, phone) })
	if errors.Is(err, model.ErrNotFound) {
		return apperr.ErrNotFound
	} else if err != nil {
		return err
	}
	s.Log.Info("agency contact changed", "agency_id", id, "by", actor.UserID)
	return s.ReloadAgencies(ctx)
}

// AllAgencies lists every agency as stored, inactive ones included, for the
// API's directory.
func (s *Admin) AllAgencies(ctx context.Context) ([]org.Agency, error) {
	return s.Store.Agencies(ctx)
}
