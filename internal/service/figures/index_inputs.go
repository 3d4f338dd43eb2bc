package figures

import (
	"context"
	"slices"
	"strings"

	"github.com/motcua/motcua/internal/calendar"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// EnteredInput is an input of the 766 index that lives outside the system,
// entered by an administrator for an agency and a month (RULES-VN.md §6:
// group 1 comes from the national procedures database, 1.4 from the
// national portal, 5.2–5.3 from the complaints system). Entered months are
// summed over the period asked for.
type EnteredInput struct {
	Indicator   string `json:"indicator"`
	Numerator   int64  `json:"numerator"`
	Denominator int64  `json:"denominator"`
}

// EnterableIndicators are the indicators an administrator may enter, with
// the input each one feeds.
var EnterableIndicators = []string{"1.1", "1.2", "1.3", "1.4", "3.0", "3.5b", "4.x", "5.2", "5.3"}

func (e EnteredInput) apply(in *index766.Inputs) {
	p := index766.Pair{Available: true, Numerator: e.Numerator, Denominator: e.Denominator}
	switch e.Indicator {
	case "1.1":
		in.PublishedOnTime = p
	case "1.2":
		in.NationalDBOnTime = p
	case "1.3":
		in.CompleteComponents = p
	case "1.4":
		in.Synced = p
	case "3.0":
		in.FullProcess = p
	case "3.5b":
		in.PaymentTransactions = p
	case "4.x":
		in.Certification = p
	case "5.2":
		in.ComplaintsOnTime = p
	case "5.3":
		in.ComplaintsSatisfied = p
	}
}

func monthOf(d int32) int32 { return d / 100 }

// enteredInputs sums what was entered for the scope's agencies over the
// months the period touches.
func (s *Figures) enteredInputs(ctx context.Context, q SettlementQuery) ([]EnteredInput, error) {
	var agencies []int64
	if q.AgencyID != 0 {
		agencies = s.Subtree(q.AgencyID)
	}
	list, err := s.Store.IndexInputs(ctx, agencies, monthOf(dayOf(q.Period.From)), monthOf(dayOf(q.Period.To)))
	if err != nil {
		return nil, err
	}
	return sumEntered(list, nil), nil
}

// sumEntered adds up the entered months per indicator, of the agencies in
// keep (nil: every one), in the order of EnterableIndicators.
func sumEntered(list []model.IndexInput, keep map[int64]bool) []EnteredInput {
	sum := map[string]*EnteredInput{}
	for _, in := range list {
		if keep != nil && !keep[in.AgencyID] {
			continue
		}
		e := sum[in.Indicator]
		if e == nil {
			e = &EnteredInput{Indicator: in.Indicator}
			sum[in.Indicator] = e
		}
		e.Numerator += in.Numerator
		e.Denominator += in.Denominator
	}
	out := make([]EnteredInput, 0, len(sum))
	for _, id := range EnterableIndicators {
		if e := sum[id]; e != nil {
			out = append(out, *e)
		}
	}
	return out
}

// EnterIndexInput records an entered input (administrators only). Month is
// YYYYMM.
func (s *Figures) EnterIndexInput(ctx context.Context, actor org.Actor, agencyCode string, month int32, e EnteredInput, note string) error {
	if actor.Role != org.RoleAdmin {
		return apperr.ErrForbidden
	}
	a, err := s.Store.AgencyByCode(ctx, strings.TrimSpace(agencyCode))
	if err != nil {
		return apperr.Newf(apperr.Invalid, "agency_unknown", "Không có cơ quan mã %q.", "There is no agency with code %q.", agencyCode)
	}
	switch {
	case !slices.Contains(EnterableIndicators, e.Indicator):
		return apperr.Newf(apperr.Invalid, "indicator_not_enterable", "Chỉ số %q không nhập tay được; các chỉ số nhập tay: %s.",
			"Indicator %q cannot be entered by hand; these can: %s.", e.Indicator, strings.Join(EnterableIndicators, ", "))
	case month < 200001 || month > 210012 || month%100 < 1 || month%100 > 12:
		return apperr.New(apperr.Invalid, "month_invalid", "Tháng không hợp lệ (dạng năm-tháng, ví dụ 2026-11).", "Invalid month (year-month, e.g. 2026-11).")
	case e.Numerator < 0 || e.Denominator < 0 || e.Numerator > e.Denominator:
		return apperr.New(apperr.Invalid, "input_invalid", "Tử số và mẫu số là số không âm, tử số không lớn hơn mẫu số.",
			"Numerator and denominator are not negative, and the numerator is at most the denominator.")
	}
	return s.Store.SaveIndexInput(ctx, model.IndexInput{AgencyID: a.ID, Month: month, Indicator: e.Indicator, Numerator: e.Numerator,
		Denominator: e.Denominator, Note: strings.TrimSpace(note), EnteredBy: actor.UserID, EnteredAt: s.Now()})
}

// RecentIndexInputs lists what was entered by hand for the twelve months
// before this one and this one, for the entry page.
func (s *Figures) RecentIndexInputs(ctx context.Context, actor org.Actor) ([]model.IndexInput, error) {
	if actor.Role != org.RoleAdmin {
		return nil, apperr.ErrForbidden
	}
	now := s.Now().In(calendar.Zone)
	from := now.AddDate(0, -12, 0)
	return s.Store.IndexInputs(ctx, nil, int32(from.Year()*100+int(from.Month())), int32(now.Year()*100+int(now.Month())))
}
