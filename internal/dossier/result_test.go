package dossier

import (
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// An online-return dossier is answered only by its electronic result
// (RULES-VN.md §1.4 "Result return"; Circular 01/2023 Art. 24); a paper
// result is recorded as paper.
func TestApproveCarriesTheResult_Circular01_2023_Art24(t *testing.T) {
	cases := []struct {
		name     string
		method   ReturnMethod
		files    []string
		wantCode string
		wantKind ResultKind
	}{
		{"online_return_without_file_refused", ReturnOnline, nil, "result_file_required", ""},
		{"online_return_with_file_is_electronic", ReturnOnline, []string{"f1"}, "", ResultElectronic},
		{"counter_return_is_paper", ReturnCounter, nil, "", ResultPaper},
		{"postal_return_is_paper", ReturnPostal, nil, "", ResultPaper},
		{"counter_return_with_electronic_copy", ReturnCounter, []string{"f1"}, "", ResultPaper},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, Processing)
			d.ReturnMethod = c.method
			before := *d
			ev, err := Apply(d, Command{Action: ActApprove, Actor: leader, At: t0.Add(50 * time.Hour), ResultFiles: c.files, ResultName: "Phiếu lý lịch tư pháp số 12/LLTP"}, env)
			if c.wantCode != "" {
				e, _ := apperr.As(err)
				if e == nil || e.Code != c.wantCode || e.Kind != apperr.Invalid {
					t.Fatalf("want %s, got %v", c.wantCode, err)
				}
				if e.MessageVi == e.Message || e.MessageVi == "" || e.Message == "" {
					t.Fatalf("need one message per language: %+v", e)
				}
				if d.Status != before.Status || d.Version != before.Version {
					t.Fatal("a refused approval must leave the dossier unchanged")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p, ok := Decode[ApprovePayload](ev.Action, ev.Payload)
			if d.Status != Done || !ok || p.ResultKind != c.wantKind || p.ResultName != "Phiếu lý lịch tư pháp số 12/LLTP" || !slices.Equal(p.ResultFileIDs, c.files) {
				t.Fatalf("status %s payload %s", d.Status, ev.Payload)
			}
			if !slices.Equal(d.ResultFileIDs, c.files) {
				t.Fatalf("result files %v, want %v", d.ResultFileIDs, c.files)
			}
		})
	}
}

// A rejection goes back through the one-stop with its written notice
// (RULES-VN.md §1.4 "Appraisal finds the dossier not eligible"), once, and
// stays a rejection (DVCQG code 3, finished when rejected).
func TestRejectionReturnedOnceStaysRejected_Decree61_Art21(t *testing.T) {
	d := at(t, Rejected)
	finished := *d.FinishedAt
	if !slices.Contains(Allowed(d, counter), ActReturnResult) {
		t.Fatal("the counter must be offered to hand the rejection back")
	}
	ret := t0.Add(80 * time.Hour)
	ev, err := Apply(d, Command{Action: ActReturnResult, Actor: counter, At: ret}, env)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != Rejected || ev.To != Rejected || d.Status.NationalCode() != 3 {
		t.Fatalf("status %s, event to %s", d.Status, ev.To)
	}
	if d.ReturnedAt == nil || !d.ReturnedAt.Equal(ret) || !d.FinishedAt.Equal(finished) {
		t.Fatalf("returned %v finished %v", d.ReturnedAt, d.FinishedAt)
	}
	if slices.Contains(Allowed(d, counter), ActReturnResult) {
		t.Fatal("a returned rejection must not be offered again")
	}
	if _, err := Apply(d, Command{Action: ActReturnResult, Actor: counter, At: ret.Add(time.Hour)}, env); err == nil {
		t.Fatal("a rejection is handed back once")
	}
}
