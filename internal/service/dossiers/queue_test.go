package dossiers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The counter's queue is searched, filtered and sorted in the store, and
// every value is checked first: an unknown filter is an error, never a
// silently unfiltered list.
func TestQueueSearchFilterSort(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		ict := time.FixedZone("ICT", 7*3600)
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		citizen, counter := who("citizen"), who("counter")
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		n := 0
		submit := func(a service.NewDossier, by string) *dossier.Dossier {
			t.Helper()
			n++
			actor := citizen
			if by == "counter" {
				actor = counter
			}
			a.ProcedureCode = "3.000333"
			res, err := svc.Submit(ctx, actor, a, fmt.Sprint("q", n), fmt.Sprint(n), body)
			if err != nil {
				t.Fatal(err)
			}
			return res.Dossier
		}
		old := submit(service.NewDossier{Applicant: dossier.Applicant{Name: citizen.Name, IDNumber: "001090012345"}}, "citizen")
		now = now.Add(30 * time.Hour)
		walkIn := submit(service.NewDossier{Applicant: dossier.Applicant{Name: "Trần Thị Quầy", IDNumber: "001090099999"}}, "counter")
		now = now.Add(time.Hour)

		ids := func(q service.QueueQuery) []int64 {
			t.Helper()
			p, err := svc.SearchQueue(ctx, counter, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			var out []int64
			for _, d := range p.Items {
				out = append(out, d.ID)
			}
			return out
		}
		eq := func(name string, got []int64, want ...int64) {
			t.Helper()
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: got %v, want %v", name, got, want)
			}
		}
		eq("oldest first by default", ids(service.QueueQuery{Status: "submitted"}), old.ID, walkIn.ID)
		eq("online channel only", ids(service.QueueQuery{Status: "submitted", Channel: "online"}), old.ID)
		eq("counter channel only", ids(service.QueueQuery{Status: "submitted", Channel: "counter"}), walkIn.ID)
		eq("waiting over a day", ids(service.QueueQuery{Status: "submitted", Urgency: "long_wait"}), old.ID)
		eq("submission number of an online filing without a code", ids(service.QueueQuery{Status: "submitted", Q: fmt.Sprint(old.ID)}), old.ID)
		eq("applicant name without diacritics, as a prefix", ids(service.QueueQuery{Status: "submitted", Q: "tran thi"}), walkIn.ID)
		eq("a name that is not there", ids(service.QueueQuery{Status: "submitted", Q: "Phạm"}))
		eq("procedure filter", ids(service.QueueQuery{Status: "submitted", Procedure: "3.000333"}), old.ID, walkIn.ID)
		eq("nothing done yet", ids(service.QueueQuery{Status: "done"}))

		if c, err := svc.CountQueue(ctx, counter, service.QueueQuery{Status: "submitted", Urgency: "long_wait"}); err != nil || c != 1 {
			t.Errorf("count tile of long waits: %d %v", c, err)
		}

		// Received, the walk-in has a code and a due date; sorted by due
		// and found by its code.
		res, err := svc.Act(ctx, counter, walkIn.ID, walkIn.Version, service.ActionInput{Action: "receive"}, "r1", "r1", body)
		if err != nil {
			t.Fatal(err)
		}
		if res.Dossier.Code == "" {
			t.Fatal("no code on receipt")
		}
		if _, err := svc.Act(ctx, counter, old.ID, old.Version, service.ActionInput{Action: "receive"}, "r2", "r2", body); err != nil {
			t.Fatal(err)
		}
		eq("received queue is empty", ids(service.QueueQuery{Status: "submitted"}))

		cases := []struct {
			name string
			q    service.QueueQuery
			code string
		}{
			{"unknown queue status", service.QueueQuery{Status: "processing"}, "queue_status_unknown"},
			{"empty queue status", service.QueueQuery{}, "queue_status_unknown"},
			{"unknown sort", service.QueueQuery{Status: "done", Sort: "name"}, "queue_sort_unknown"},
			{"unknown urgency", service.QueueQuery{Status: "done", Urgency: "late"}, "queue_urgency_unknown"},
			{"unknown channel", service.QueueQuery{Status: "done", Channel: "fax"}, "queue_channel_unknown"},
			{"unknown procedure", service.QueueQuery{Status: "done", Procedure: "9.999999"}, "queue_procedure_unknown"},
			{"page too deep", service.QueueQuery{Status: "done", Page: 201}, "queue_page_unknown"},
			{"search too long", service.QueueQuery{Status: "done", Q: strings.Repeat("a", 101)}, "queue_q_too_long"},
		}
		for _, c := range cases {
			_, err := svc.SearchQueue(ctx, counter, c.q)
			if got := servicetest.ErrCode(err); got != c.code {
				t.Errorf("%s: got %q, want %q", c.name, got, c.code)
			}
		}
		if _, err := svc.SearchQueue(ctx, citizen, service.QueueQuery{Status: "submitted"}); err == nil {
			t.Error("a citizen reads no queue")
		}
	})
}

// Bulk reception takes only online filings with a file in every component;
// the others are reported on their row and do not stop the rest.
func TestBulkReceiveOneFails(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
		svc, who := servicetest.DemoAt(t, st, &now)
		citizen, counter := who("citizen"), who("counter")
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		f, err := svc.Upload(ctx, citizen, "to-khai.pdf", strings.NewReader("%PDF-1.4\nx\n%%EOF\n"))
		if err != nil {
			t.Fatal(err)
		}
		ap := dossier.Applicant{Name: citizen.Name, IDNumber: "001090012345"}
		full, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: "3.000333", Applicant: ap,
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{f.ID}}}}, "s1", "s1", body)
		if err != nil {
			t.Fatal(err)
		}
		bare, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: "3.000333", Applicant: ap,
			Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}, "s2", "s2", body)
		if err != nil {
			t.Fatal(err)
		}
		out, err := svc.Bulk(ctx, counter, "receive", []service.BulkItem{
			{ID: bare.Dossier.ID, Version: bare.Dossier.Version, Key: "b1"},
			{ID: full.Dossier.ID, Version: full.Dossier.Version, Key: "b2"},
		})
		if err != nil {
			t.Fatal(err)
		}
		if servicetest.ErrCode(out[0].Err) != "bulk_needs_check" || out[1].Err != nil {
			t.Fatalf("outcomes: %v / %v", out[0].Err, out[1].Err)
		}
		d, _ := svc.Dossier(ctx, counter, full.Dossier.ID)
		if d.Status != dossier.Received || d.Code == "" {
			t.Fatalf("the complete filing is received: %s %q", d.Status, d.Code)
		}
		if d, _ := svc.Dossier(ctx, counter, bare.Dossier.ID); d.Status != dossier.Submitted {
			t.Fatalf("the incomplete one waits: %s", d.Status)
		}
		// The same row sent again (same key) is a replay, not a second receipt.
		again, err := svc.Bulk(ctx, counter, "receive", []service.BulkItem{{ID: full.Dossier.ID, Version: full.Dossier.Version, Key: "b2"}})
		if err != nil || again[0].Err != nil {
			t.Fatalf("replay: %v %v", err, again[0].Err)
		}
		if _, err := svc.Bulk(ctx, counter, "approve", []service.BulkItem{{ID: 1, Version: 1, Key: "x"}}); servicetest.ErrCode(err) != "queue_action_unknown" {
			t.Fatalf("only receive and return in bulk: %v", err)
		}
	})
}
