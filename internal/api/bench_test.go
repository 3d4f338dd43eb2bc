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

// benchAction is one action of a benchmarked lifecycle, by whom.
type benchAction struct {
	user string
	in   map[string]any
}

// plainLifecycle is receive → transfer → approve → return.
var plainLifecycle = []benchAction{{"counter", map[string]any{"action": "receive"}}, {"counter", map[string]any{"action": "transfer"}},
	{"leader", map[string]any{"action": "approve"}}, {"counter", map[string]any{"action": "return_result"}}}

func lifecycles(b *testing.B) {
	e := newEnv(b, storetest.SQLite(b))
	runLifecycles(b, e, plainLifecycle, "citizen", "counter", "leader")
}

// runLifecycles files dossiers and takes each through actions, in parallel,
// and reports the actions per second (the filing counted).
func runLifecycles(b *testing.B, e *env, actions []benchAction, users ...string) {
	for _, u := range users {
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
			for _, a := range actions {
				r := e.act(a.user, id, v, a.in)
				if r.status != 200 {
					b.Errorf("%v: %d %s", a.in, r.status, r.raw)
					return
				}
				v = r.num("version")
			}
			n.Add(int64(len(actions) + 1))
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
	spec := servicetest.ActorOf(b, e.svc, e.st, "specialist").UserID
	runLifecycles(b, e, []benchAction{
		{"counter", map[string]any{"action": "receive"}},
		{"counter", map[string]any{"action": "transfer"}},
		{"leader", map[string]any{"action": "step", "step_kind": "assign", "assignee": spec}},
		{"specialist", map[string]any{"action": "step", "step_kind": "forward"}},
		{"leader", map[string]any{"action": "approve"}},
		{"counter", map[string]any{"action": "return_result"}},
	}, "citizen", "counter", "leader", "specialist")
}
