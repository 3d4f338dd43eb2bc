package api_test

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/motcua/motcua/internal/service/servicetest"

	"github.com/motcua/motcua/internal/store/storetest"
)

// BenchmarkLifecycleHTTP drives the DESIGN.md benchmark path over a real HTTP
// server on the embedded SQLite: submit → receive → transfer → approve →
// return, five writes per iteration, by 2 and by 16 clients at once (many
// officers and citizens act at the same time; the writes of the ones that
// wait share SQLite commits). Run with
//
//	go test -bench LifecycleHTTP -run xxx ./internal/api/
func BenchmarkLifecycleHTTP(b *testing.B) {
	for _, perCPU := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", perCPU*runtime.GOMAXPROCS(0)), func(b *testing.B) {
			b.SetParallelism(perCPU)
			lifecycles(b)
		})
	}
}

func lifecycles(b *testing.B) {
	e := newEnv(b, storetest.SQLite(b))
	for _, u := range []string{"citizen", "counter", "leader"} {
		e.token(u)
	}
	var n atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			// A paper result: approving an online one needs a result file,
			// which this lifecycle does not upload.
			body := submitBody(criminalRecord)
			body["return_method"] = "counter"
			r := e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
			if r.status != 201 {
				b.Errorf("submit: %d %s", r.status, r.raw)
				return
			}
			id, v := r.num("id"), r.num("version")
			for _, step := range []struct{ user, action string }{{"counter", "receive"}, {"counter", "transfer"}, {"leader", "approve"}, {"counter", "return_result"}} {
				r := e.act(step.user, id, v, map[string]any{"action": step.action})
				if r.status != 200 {
					b.Errorf("%s: %d %s", step.action, r.status, r.raw)
					return
				}
				v = r.num("version")
			}
			n.Add(5)
		}
	})
	b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "actions/s")
}

// BenchmarkLifecycleHTTPSteps: the same dossiers under a five-step
// internal process (issue 13): receive, transfer (the end of reception),
// assign, forward, approve, return — two step hand-overs more. Its
// actions/s beside BenchmarkLifecycleHTTP in the same run says what a
// step hand-over costs against a transfer.
func BenchmarkLifecycleHTTPSteps(b *testing.B) {
	e := newEnv(b, storetest.SQLite(b))
	if _, err := e.svc.SaveProcess(b.Context(), servicetest.ActorOf(b, e.svc, e.st, "admin"), servicetest.FiveSteps("Quyết định thử nghiệm")); err != nil {
		b.Fatal(err)
	}
	for _, u := range []string{"citizen", "counter", "leader", "specialist"} {
		e.token(u)
	}
	spec := servicetest.ActorOf(b, e.svc, e.st, "specialist").UserID
	var n atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			body := submitBody(criminalRecord)
			body["return_method"] = "counter"
			r := e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
			if r.status != 201 {
				b.Errorf("submit: %d %s", r.status, r.raw)
				return
			}
			id, v := r.num("id"), r.num("version")
			for _, step := range []struct {
				user string
				in   map[string]any
			}{
				{"counter", map[string]any{"action": "receive"}},
				{"counter", map[string]any{"action": "transfer"}},
				{"leader", map[string]any{"action": "step", "step_kind": "assign", "assignee": spec}},
				{"specialist", map[string]any{"action": "step", "step_kind": "forward"}},
				{"leader", map[string]any{"action": "approve"}},
				{"counter", map[string]any{"action": "return_result"}},
			} {
				r := e.act(step.user, id, v, step.in)
				if r.status != 200 {
					b.Errorf("%v: %d %s", step.in, r.status, r.raw)
					return
				}
				v = r.num("version")
			}
			n.Add(7)
		}
	})
	b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "actions/s")
}
