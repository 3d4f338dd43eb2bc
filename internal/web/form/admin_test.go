package form

import (
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
)

func TestAdminFormsReadWhatAPersonTypes(t *testing.T) {
	e, err := ParseProcedureEdit(url.Values{"unit": {"working_days"}, "amount": {" 15 "}, "fee": {"1.500 000"}, "version": {"3"}})
	if err != nil || e.TimeLimit.Amount != 15 || e.FeeVND != 1500000 || e.Version != 3 {
		t.Errorf("procedure edit %+v, %v", e, err)
	}
	if in, err := ParseAgency(url.Values{"code": {"X"}, "parent": {""}, "one_stop": {"4"}}); err != nil || in.ParentID != 0 || in.OneStopID != 4 {
		t.Errorf("agency %+v, %v", in, err)
	}
	d, err := ParseCalendarDay(url.Values{"date": {"2026-09-01"}, "kind": {"working"}, "note": {" bù "}})
	if err != nil || !d.Working || d.Note != "bù" || d.Date.String() != "2026-09-01" {
		t.Errorf("day %+v, %v", d, err)
	}
}

func TestAdminFormsRefuseWhatIsTypedWrong(t *testing.T) {
	for name, parse := range map[string]func() error{
		"fee_negative": func() error { _, err := ParseProcedureEdit(url.Values{"fee": {"-5"}}); return err },
		"time_limit_in_words": func() error {
			_, err := ParseProcedureEdit(url.Values{"unit": {"days"}, "amount": {"mười"}})
			return err
		},
		"agency_id_zero":      func() error { _, err := ParseStaff(url.Values{"agency": {"0"}}); return err },
		"year_out_of_range":   func() error { _, err := Year("99999"); return err },
		"no_day_picked":       func() error { _, err := ParseCalendarDay(url.Values{}); return err },
		"notice_without_year": func() error { _, _, err := ParseCalendarNotice(url.Values{"days_off": {"2026-09-02"}}); return err },
	} {
		t.Run(name, func(t *testing.T) {
			if e, ok := apperr.As(parse()); !ok || e.Kind != apperr.Invalid {
				t.Errorf("got %v, want a client-safe invalid-input error", e)
			}
		})
	}
}
