package bench

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua/internal/textfold"
)

// LoadOptions configures `motcua bench load`.
type LoadOptions struct {
	Target   string        // base URL of a running server
	Duration time.Duration // of the measured run (and of the final run when searching)
	Rate     float64       // operations per second; 0 finds the highest rate sustained
	Password string        // of the demo accounts
	// Procedure filed by the citizen: one the demo routes to the Department
	// of Justice, where the demo specialist and leader work.
	Procedure string
	// StepDuration is the length of each step of the search for the highest rate.
	StepDuration time.Duration
	// ReadShare is the share of reads (search, track, inbox, dashboard);
	// 0 runs the lifecycle writes only, 1 reads only.
	ReadShare   float64
	MaxInFlight int
	Seed        uint64
	Progress    io.Writer
	Client      *http.Client
}

// Targets of DESIGN.md: a rate is sustained when p99 ≤ 50 ms with < 1 % errors.
const (
	TargetP99       = 50 * time.Millisecond
	TargetErrorRate = 0.01
)

// OpStats is the result of one kind of operation.
type OpStats struct {
	Name          string
	Count, Errors int
	PerSecond     float64
	P50, P95, P99 time.Duration
	Max           time.Duration
}

// LoadResult is one run at a fixed offered rate.
type LoadResult struct {
	Offered  float64 // operations per second asked for
	Elapsed  time.Duration
	Overall  OpStats
	Writes   OpStats // the lifecycle actions only
	Ops      []OpStats
	Dropped  int      // ticks skipped because MaxInFlight requests were outstanding
	ErrorLog []string // the first few errors
}

// Sustained tells whether the run met the targets at the offered rate.
func (r *LoadResult) Sustained() bool {
	n := r.Overall.Count + r.Dropped
	return n > 0 && r.Overall.P99 <= TargetP99 && float64(r.Overall.Errors+r.Dropped) < TargetErrorRate*float64(n) &&
		r.Overall.PerSecond >= 0.95*r.Offered
}

// Load runs the mixed workload at opts.Rate for opts.Duration.
func Load(ctx context.Context, opts LoadOptions) (*LoadResult, error) {
	d, err := newDriver(ctx, opts)
	if err != nil {
		return nil, err
	}
	return d.run(ctx, opts.Rate, opts.Duration), nil
}

// FindMax raises the rate by half while the targets hold, narrows between
// the last good and the first bad rate twice, then measures the best rate
// for opts.Duration. It returns every step and the final run.
func FindMax(ctx context.Context, opts LoadOptions) (*LoadResult, []*LoadResult, error) {
	d, err := newDriver(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	if opts.StepDuration <= 0 {
		opts.StepDuration = 10 * time.Second
	}
	var steps []*LoadResult
	try := func(rate float64) bool {
		r := d.run(ctx, rate, opts.StepDuration)
		steps = append(steps, r)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "  step %6.0f op/s: %s\n", rate, r.Overall.line())
		}
		return r.Sustained()
	}
	good, bad := 0.0, 0.0
	for rate := 100.0; rate <= 50_000 && ctx.Err() == nil; rate *= 1.5 {
		if !try(rate) {
			bad = rate
			break
		}
		good = rate
	}
	for range 2 {
		if bad == 0 || ctx.Err() != nil {
			break
		}
		mid := (good + bad) / 2
		if try(mid) {
			good = mid
		} else {
			bad = mid
		}
	}
	if good == 0 {
		return steps[len(steps)-1], steps, nil
	}
	final := d.run(ctx, good, opts.Duration)
	return final, steps, ctx.Err()
}

// lcase is a dossier in flight through the lifecycle.
type lcase struct {
	id, version int
	code        string
}

// stage is a queue of dossiers waiting for their next action.
type stage struct {
	name, user string
	body       func(c *lcase) map[string]any
	next       func(r *mrand.Rand) int // index of the following stage, -1 at the end
	mu         sync.Mutex
	q          []*lcase
}

func (s *stage) push(c *lcase) { s.mu.Lock(); s.q = append(s.q, c); s.mu.Unlock() }

func (s *stage) pop() *lcase {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.q) == 0 {
		return nil
	}
	c := s.q[0]
	s.q = s.q[1:]
	return c
}

type driver struct {
	opts    LoadOptions
	client  *http.Client
	tokens  map[string]string
	stages  []*stage // receive, transfer, request_supplement, supplement, approve, return_result
	samples []sample
	rngMu   sync.Mutex
	rng     *mrand.Rand
}

type sample struct{ code, idNumber, name string }

func newDriver(ctx context.Context, opts LoadOptions) (*driver, error) {
	if opts.Target == "" {
		return nil, errors.New("bench: --target is required")
	}
	opts.Target = strings.TrimSuffix(opts.Target, "/")
	if opts.Procedure == "" {
		opts.Procedure = "3.000333"
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 2000
	}
	d := &driver{opts: opts, client: opts.Client, tokens: map[string]string{}, rng: mrand.New(mrand.NewPCG(opts.Seed, 7))}
	if d.client == nil {
		d.client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConns: 4096, MaxIdleConnsPerHost: 4096, IdleConnTimeout: time.Minute}}
	}
	for _, u := range []string{"citizen", "counter", "specialist", "leader", "director"} {
		raw, _ := json.Marshal(map[string]string{"username": u, "password": opts.Password})
		status, body, err := d.do(ctx, "POST", "/api/v1/auth/token", "", raw, nil)
		if err != nil || status != 200 {
			return nil, fmt.Errorf("bench: sign in as %s: %d %s %v", u, status, body, err)
		}
		var out struct{ Token string }
		if err := json.Unmarshal(body, &out); err != nil || out.Token == "" {
			return nil, fmt.Errorf("bench: sign in as %s: %s", u, body)
		}
		d.tokens[u] = out.Token
	}
	fixed := func(i int) func(*mrand.Rand) int { return func(*mrand.Rand) int { return i } }
	d.stages = []*stage{
		{name: "receive", user: "counter", body: func(*lcase) map[string]any { return map[string]any{"action": "receive"} }, next: fixed(1)},
		{name: "transfer", user: "counter", body: func(*lcase) map[string]any { return map[string]any{"action": "transfer"} },
			next: func(r *mrand.Rand) int {
				if r.Float64() < 0.1 {
					return 2
				}
				return 4
			}},
		{name: "request_supplement", user: "specialist", body: func(*lcase) map[string]any {
			return map[string]any{"action": "request_supplement", "reason": "Bổ sung bản sao CCCD"}
		}, next: fixed(3)},
		{name: "supplement", user: "citizen", body: func(*lcase) map[string]any {
			return map[string]any{"action": "supplement", "note": "Đã bổ sung bản sao CCCD"}
		}, next: fixed(4)},
		{name: "approve", user: "leader", body: func(*lcase) map[string]any { return map[string]any{"action": "approve"} }, next: fixed(5)},
		{name: "return_result", user: "counter", body: func(*lcase) map[string]any { return map[string]any{"action": "return_result"} }, next: fixed(-1)},
	}
	if err := d.sampleDossiers(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

// sampleDossiers picks dossiers spread over the whole database, through the
// API, for the searches: their codes, ID numbers and names.
func (d *driver) sampleDossiers(ctx context.Context) error {
	status, body, err := d.do(ctx, "GET", "/api/v1/dossiers?limit=1", "director", nil, nil)
	if err != nil || status != 200 {
		return fmt.Errorf("bench: list dossiers: %d %s %v", status, body, err)
	}
	var list struct {
		Items []struct {
			ID        int
			Code      *string
			Applicant struct {
				Name     string
				IDNumber string `json:"id_number"`
			}
		}
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return fmt.Errorf("bench: list dossiers: %w", err)
	}
	if len(list.Items) == 0 {
		return nil // an empty database: searches use the dossiers this run files
	}
	maxID := list.Items[0].ID
	for range 200 {
		after := 2 + d.rng.IntN(maxID)
		status, body, err := d.do(ctx, "GET", "/api/v1/dossiers?limit=1&after="+strconv.Itoa(after), "director", nil, nil)
		if err != nil || status != 200 {
			return fmt.Errorf("bench: sample dossiers: %d %s %v", status, body, err)
		}
		list.Items = nil
		if err := json.Unmarshal(body, &list); err != nil {
			return err
		}
		for _, it := range list.Items {
			if it.Code != nil {
				d.samples = append(d.samples, sample{code: *it.Code, idNumber: it.Applicant.IDNumber, name: textfold.Fold(it.Applicant.Name)})
			}
		}
	}
	return nil
}

func newKey() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (d *driver) do(ctx context.Context, method, path, user string, body []byte, headers map[string]string) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, d.opts.Target+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+d.tokens[user])
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := d.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return res.StatusCode, raw, err
}

// recorder collects latencies per operation.
type recorder struct {
	mu     sync.Mutex
	lat    map[string][]time.Duration
	errs   map[string]int
	errLog []string
}

func (rec *recorder) add(op string, took time.Duration, err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.lat[op] = append(rec.lat[op], took)
	if err != nil {
		rec.errs[op]++
		if len(rec.errLog) < 10 {
			rec.errLog = append(rec.errLog, op+": "+err.Error())
		}
	}
}

func stats(name string, lat []time.Duration, errs int, elapsed time.Duration) OpStats {
	s := OpStats{Name: name, Count: len(lat), Errors: errs}
	if len(lat) == 0 {
		return s
	}
	slices.Sort(lat)
	at := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	s.P50, s.P95, s.P99, s.Max = at(0.50), at(0.95), at(0.99), lat[len(lat)-1]
	s.PerSecond = float64(len(lat)-errs) / elapsed.Seconds()
	return s
}

func (s OpStats) line() string {
	return fmt.Sprintf("%8.1f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms  errors %d/%d", s.PerSecond,
		ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max), s.Errors, s.Count)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var writeOps = map[string]bool{"submit": true, "receive": true, "transfer": true, "request_supplement": true,
	"supplement": true, "approve": true, "return_result": true}

// run dispatches operations at rate per second for dur, open loop: each
// operation starts on its schedule whether or not earlier ones finished,
// so a slow server shows as latency, not as a lower offered rate.
func (d *driver) run(ctx context.Context, rate float64, dur time.Duration) *LoadResult {
	rec := &recorder{lat: map[string][]time.Duration{}, errs: map[string]int{}}
	res := &LoadResult{Offered: rate}
	var wg sync.WaitGroup
	var inFlight atomic.Int64
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	for i := 0; ; i++ {
		at := start.Add(time.Duration(i) * interval)
		if at.Sub(start) >= dur || ctx.Err() != nil {
			break
		}
		if w := time.Until(at); w > 0 {
			time.Sleep(w)
		}
		if inFlight.Load() >= int64(d.opts.MaxInFlight) {
			res.Dropped++
			continue
		}
		inFlight.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer inFlight.Add(-1)
			d.op(ctx, rec)
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	var all, writes []time.Duration
	allErrs, writeErrs := 0, 0
	names := make([]string, 0, len(rec.lat))
	for n := range rec.lat {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		res.Ops = append(res.Ops, stats(n, slices.Clone(rec.lat[n]), rec.errs[n], res.Elapsed))
		all, allErrs = append(all, rec.lat[n]...), allErrs+rec.errs[n]
		if writeOps[n] {
			writes, writeErrs = append(writes, rec.lat[n]...), writeErrs+rec.errs[n]
		}
	}
	res.Overall = stats("all", all, allErrs, res.Elapsed)
	res.Writes = stats("lifecycle writes", writes, writeErrs, res.Elapsed)
	res.ErrorLog = rec.errLog
	return res
}

func (d *driver) rand() (float64, int) {
	d.rngMu.Lock()
	defer d.rngMu.Unlock()
	return d.rng.Float64(), d.rng.IntN(1 << 30)
}

// op runs one operation: a read with the configured share, otherwise the
// next lifecycle action of the most advanced waiting dossier, or a new
// filing when none waits.
func (d *driver) op(ctx context.Context, rec *recorder) {
	x, n := d.rand()
	if x < d.opts.ReadShare || (d.opts.ReadShare >= 1) {
		d.read(ctx, rec, x/d.opts.ReadShare, n)
		return
	}
	for i := len(d.stages) - 1; i >= 0; i-- {
		if c := d.stages[i].pop(); c != nil {
			d.act(ctx, rec, i, c, n)
			return
		}
	}
	d.submit(ctx, rec, n)
}

func (d *driver) timed(ctx context.Context, rec *recorder, op, method, path, user string, body []byte, headers map[string]string, want int) []byte {
	t0 := time.Now()
	status, raw, err := d.do(ctx, method, path, user, body, headers)
	if err == nil && status != want {
		err = fmt.Errorf("status %d: %.200s", status, raw)
	}
	if ctx.Err() != nil {
		return nil
	}
	rec.add(op, time.Since(t0), err)
	if err != nil {
		return nil
	}
	return raw
}

type dossierReply struct {
	ID      int
	Version int
	Code    *string
}

func (d *driver) submit(ctx context.Context, rec *recorder, n int) {
	p := fakePerson(mrand.New(mrand.NewPCG(uint64(n), d.opts.Seed)))
	// A paper result: the load's approvals carry no upload, and an
	// online-return approval needs its result file (dossier.approveResult).
	body, _ := json.Marshal(map[string]any{"procedure_code": d.opts.Procedure, "channel": "online", "return_method": "counter",
		"applicant":  map[string]any{"name": p.name, "id_number": p.idNumber, "phone": p.phone, "address": p.address},
		"components": []map[string]any{{"name": "Tờ khai", "file_ids": []string{}}}})
	raw := d.timed(ctx, rec, "submit", "POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()}, 201)
	var r dossierReply
	if raw == nil || json.Unmarshal(raw, &r) != nil || r.ID == 0 {
		return
	}
	d.stages[0].push(&lcase{id: r.ID, version: r.Version})
}

func (d *driver) act(ctx context.Context, rec *recorder, i int, c *lcase, n int) {
	s := d.stages[i]
	body, _ := json.Marshal(s.body(c))
	raw := d.timed(ctx, rec, s.name, "POST", "/api/v1/dossiers/"+strconv.Itoa(c.id)+"/actions", s.user, body,
		map[string]string{"Idempotency-Key": newKey(), "If-Match": strconv.Itoa(c.version)}, 200)
	var r dossierReply
	if raw == nil || json.Unmarshal(raw, &r) != nil {
		return // the dossier leaves the run; its error is counted
	}
	c.version = r.Version
	if r.Code != nil && c.code == "" {
		c.code = *r.Code
		d.rngMu.Lock()
		if len(d.samples) < 100_000 {
			d.samples = append(d.samples, sample{code: c.code})
		}
		d.rngMu.Unlock()
	}
	rr := mrand.New(mrand.NewPCG(uint64(n), 3))
	if next := s.next(rr); next >= 0 {
		d.stages[next].push(c)
	}
}

// read is one of: a counter officer's search by code, ID number or name
// without diacritics; public tracking by code; a specialist opening a
// dossier; the director's 766 dashboard for the quarter.
func (d *driver) read(ctx context.Context, rec *recorder, x float64, n int) {
	d.rngMu.Lock()
	var s sample
	if len(d.samples) > 0 {
		s = d.samples[n%len(d.samples)]
	}
	d.rngMu.Unlock()
	switch {
	case x < 0.15 && s.code != "":
		d.timed(ctx, rec, "search_code", "GET", "/api/v1/dossiers?q="+url.QueryEscape(s.code), "counter", nil, nil, 200)
	case x < 0.30 && s.idNumber != "":
		d.timed(ctx, rec, "search_id_number", "GET", "/api/v1/dossiers?q="+url.QueryEscape(s.idNumber), "counter", nil, nil, 200)
	case x < 0.45 && s.name != "":
		d.timed(ctx, rec, "search_name", "GET", "/api/v1/dossiers?q="+url.QueryEscape(s.name), "counter", nil, nil, 200)
	case x < 0.75 && s.code != "":
		d.timed(ctx, rec, "track", "GET", "/api/v1/track/"+url.PathEscape(s.code), "", nil, nil, 200)
	case x < 0.90:
		d.timed(ctx, rec, "inbox", "GET", "/api/v1/dossiers?status=processing&limit=50", "specialist", nil, nil, 200)
	default:
		now := time.Now()
		q := (int(now.Month()) - 1) / 3
		from := time.Date(now.Year(), time.Month(q*3+1), 1, 0, 0, 0, 0, time.UTC)
		to := from.AddDate(0, 3, -1)
		d.timed(ctx, rec, "dashboard_766", "GET", "/api/v1/index766?from="+from.Format("2006-01-02")+"&to="+to.Format("2006-01-02"), "director", nil, nil, 200)
	}
}

// Report prints a run.
func (r *LoadResult) Report(w io.Writer) {
	fmt.Fprintf(w, "offered %.0f op/s for %s; dropped %d\n", r.Offered, r.Elapsed.Round(time.Millisecond), r.Dropped)
	fmt.Fprintf(w, "  %-20s %s\n", "all", r.Overall.line())
	fmt.Fprintf(w, "  %-20s %s\n", "lifecycle writes", r.Writes.line())
	for _, o := range r.Ops {
		fmt.Fprintf(w, "  %-20s %s\n", o.Name, o.line())
	}
	for _, e := range r.ErrorLog {
		fmt.Fprintf(w, "  error: %s\n", e)
	}
}
