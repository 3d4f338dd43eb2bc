package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
)

// GenerateOptions says what to generate.
type GenerateOptions struct {
	Dossiers int
	Seed     uint64
	// Until is the end of the generated history (default: now); dossiers
	// whose next step would come later are left open, as in a live system.
	Until time.Time
	Years int // span of the history (default 5)
	// Password of the demo accounts and the staff accounts added for the
	// agencies the demo leaves without one, so that `bench load` can sign in.
	Password string
	// DataDir (SQLite) or DatabaseURL (PostgreSQL) locate the database for
	// the generator's own connection (prepared INSERTs, or COPY).
	DataDir     string
	DatabaseURL string
	Workers     int
	Progress    io.Writer // rows/s while running (nil: quiet)
}

// GenerateResult counts what was written.
type GenerateResult struct {
	Dossiers, Events int64
	CounterRows      int64
	Elapsed          time.Duration
	// Shares of the written dossiers, to compare with the model.
	Online, Postal, Received, Settled, Late, Supplemented, Rated, Dislikes, Open int64
}

// Generate fills an empty database with the demo province, the real
// catalog and opts.Dossiers dossiers spread over the working days of the
// last opts.Years years. Each dossier is taken through the real state
// machine (dossier.Apply, due dates from the real calendar), so its row,
// its event log and its contribution to the counters are what the server
// would have written; the counters are then stored from those
// contributions (internal/aggregate), so `motcua index check` agrees.
func Generate(ctx context.Context, svc *service.Service, db DB, opts GenerateOptions) (*GenerateResult, error) {
	start := time.Now()
	if opts.Dossiers < 0 {
		return nil, fmt.Errorf("bench: --dossiers must be positive")
	}
	if opts.Password == "" {
		return nil, fmt.Errorf("bench: a password for the staff accounts is required")
	}
	if opts.Until.IsZero() {
		opts.Until = time.Now()
	}
	if opts.Years <= 0 {
		opts.Years = 5
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	st := db
	var existing int64
	if err := st.QueryRow(ctx, `SELECT COUNT(*) FROM dossiers`).Scan(&existing); err != nil {
		return nil, fmt.Errorf("bench: count dossiers: %w", err)
	}
	if existing > 0 {
		return nil, fmt.Errorf("bench: the database already holds %d dossiers; generate into an empty one", existing)
	}
	if _, err := demo.Load(ctx, svc, opts.Password); err != nil {
		return nil, err
	}
	g, err := newGenerator(ctx, svc, db, opts)
	if err != nil {
		return nil, err
	}
	sink, err := openSink(ctx, st, opts.DataDir, opts.DatabaseURL)
	if err != nil {
		return nil, err
	}
	res, err := g.run(ctx, sink, opts)
	if cerr := sink.close(ctx, err == nil); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	// The counters of every agency, from the contributions summed while
	// generating; this also clears the "rebuild at first start" flag.
	if _, err := st.RebuildStats(ctx, false, func(agencyID int64) (aggregate.Delta, error) {
		return g.deltas[agencyID], nil
	}); err != nil {
		return nil, err
	}
	if err := st.QueryRow(ctx, `SELECT COUNT(*) FROM stats`).Scan(&res.CounterRows); err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

type procInfo struct {
	code       string
	version    int
	limit      dossier.TimeLimit
	fee        int64
	components []string
	agency     org.Agency // default processing agency
}

type generator struct {
	svc      *service.Service
	db       DB
	cal      *calendar.Calendar
	dl       dossier.Deadlines
	until    time.Time
	procs    []procInfo
	communes []org.Agency
	agencies map[int64]org.Agency
	staff    map[int64]map[org.Role]org.Actor
	postal   org.Actor
	days     []calendar.Date
	perDay   []int
	deltas   map[int64]aggregate.Delta
}

func newGenerator(ctx context.Context, svc *service.Service, db DB, opts GenerateOptions) (*generator, error) {
	g := &generator{svc: svc, db: db, cal: svc.Calendar(), dl: svc.Deadlines(), until: opts.Until.UTC().Truncate(time.Millisecond),
		agencies: map[int64]org.Agency{}, staff: map[int64]map[org.Role]org.Actor{}, deltas: map[int64]aggregate.Delta{}}
	for _, a := range svc.Agencies() {
		g.agencies[a.ID] = a
		if a.Level == org.LevelCommune {
			g.communes = append(g.communes, a)
		}
	}
	if err := g.loadStaff(ctx, opts.Password); err != nil {
		return nil, err
	}
	if err := g.loadProcedures(ctx); err != nil {
		return nil, err
	}
	g.planDays(opts)
	return g, nil
}

// loadStaff finds a counter officer for every receiving agency and a
// specialist and a leader for every processing agency, creating the ones
// the demo province lacks (bench_<role>_<agency id>).
func (g *generator) loadStaff(ctx context.Context, password string) error {
	st := g.db
	rows, err := st.Query(ctx, `SELECT id, username, name, role, agency_id FROM users WHERE role <> 'citizen' AND agency_id IS NOT NULL ORDER BY id`)
	if err != nil {
		return fmt.Errorf("bench: read staff: %w", err)
	}
	for rows.Next() {
		var a org.Actor
		if err := rows.Scan(&a.UserID, &a.Username, &a.Name, &a.Role, &a.AgencyID); err != nil {
			rows.Close()
			return err
		}
		if g.staff[a.AgencyID] == nil {
			g.staff[a.AgencyID] = map[org.Role]org.Actor{}
		}
		if _, ok := g.staff[a.AgencyID][a.Role]; !ok {
			g.staff[a.AgencyID][a.Role] = a
		}
		if a.Role == org.RolePostal && g.postal.UserID == 0 {
			g.postal = a
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var missing []org.User
	for _, a := range g.svc.Agencies() {
		var need []org.Role
		switch {
		case a.Kind == org.KindServiceCenter:
			need = []org.Role{org.RoleCounter}
		case a.Level == org.LevelCommune:
			need = []org.Role{org.RoleCounter, org.RoleSpecialist, org.RoleLeader}
		case a.Kind == org.KindPeoplesCommittee:
		default:
			need = []org.Role{org.RoleSpecialist, org.RoleLeader}
		}
		for _, r := range need {
			if _, ok := g.staff[a.ID][r]; !ok {
				id := a.ID
				missing = append(missing, org.User{Username: fmt.Sprintf("bench_%s_%d", r, a.ID),
					Name: fmt.Sprintf("Cán bộ %s (%s)", r, a.Name), Role: r, AgencyID: &id})
			}
		}
	}
	if len(missing) > 0 {
		hash, err := hashPassword(password)
		if err != nil {
			return err
		}
		ids, err := st.CreateUsers(ctx, missing, hash)
		if err != nil {
			return fmt.Errorf("bench: create staff: %w", err)
		}
		for i, u := range missing {
			if g.staff[*u.AgencyID] == nil {
				g.staff[*u.AgencyID] = map[org.Role]org.Actor{}
			}
			g.staff[*u.AgencyID][u.Role] = org.Actor{UserID: ids[i], Username: u.Username, Name: u.Name, Role: u.Role, AgencyID: *u.AgencyID}
		}
	}
	if g.postal.UserID == 0 {
		return errors.New("bench: the demo province has no postal account")
	}
	return nil
}

// loadProcedures keeps the catalog's procedures that have a time limit and
// a settling agency (the others cannot be received), in code order so that
// a seed always gives the same database.
func (g *generator) loadProcedures(ctx context.Context) error {
	st := g.db
	rows, err := st.Query(ctx, `SELECT code, default_agency_id FROM procedures WHERE default_agency_id IS NOT NULL ORDER BY code`)
	if err != nil {
		return fmt.Errorf("bench: read catalog: %w", err)
	}
	type pa struct {
		code   string
		agency int64
	}
	var list []pa
	for rows.Next() {
		var p pa
		if err := rows.Scan(&p.code, &p.agency); err != nil {
			rows.Close()
			return err
		}
		list = append(list, p)
	}
	rows.Close()
	for _, p := range list {
		proc, err := st.Procedure(ctx, p.code, 0)
		if err != nil {
			return fmt.Errorf("bench: procedure %s: %w", p.code, err)
		}
		a, ok := g.agencies[p.agency]
		if !proc.TimeLimit.Set() || !ok {
			continue
		}
		info := procInfo{code: proc.Code, version: proc.Version, fee: proc.FeeVND, agency: a,
			limit: dossier.TimeLimit{Amount: proc.TimeLimit.Amount, Unit: proc.TimeLimit.Unit}}
		for _, c := range proc.Components {
			if len(info.components) < 4 {
				info.components = append(info.components, c.Name)
			}
		}
		if len(info.components) == 0 {
			info.components = []string{"Tờ khai"}
		}
		g.procs = append(g.procs, info)
	}
	if len(g.procs) == 0 {
		return errors.New("bench: the catalog has no procedure with a time limit")
	}
	// A few procedures take most dossiers (birth registration, certification,
	// land): the order of popularity is a seeded shuffle of the catalog.
	r := rand.New(rand.NewPCG(0x6d6f74637561, 1))
	r.Shuffle(len(g.procs), func(i, j int) { g.procs[i], g.procs[j] = g.procs[j], g.procs[i] })
	return nil
}

// planDays spreads the dossiers over the working days of the period:
// Mondays busier, Fridays quieter, volumes growing about 12 % a year.
func (g *generator) planDays(opts GenerateOptions) {
	last := calendar.DateOf(g.until)
	first := calendar.DateOf(g.until.AddDate(-opts.Years, 0, 0))
	var weights []float64
	total := 0.0
	for d := first; !d.After(last); d = d.AddDays(1) {
		if !g.cal.IsWorkingDay(d) {
			continue
		}
		w := 1.0
		switch d.Weekday() {
		case time.Monday:
			w = 1.25
		case time.Friday:
			w = 0.9
		case time.Saturday, time.Sunday:
			w = 0.3 // a working weekend day (a swapped day, or a "Saturday for the people")
		}
		w *= 1 + 0.12*float64(first.DaysUntil(d))/365
		g.days = append(g.days, d)
		weights = append(weights, w)
		total += w
	}
	g.perDay = make([]int, len(g.days))
	acc, given := 0.0, 0
	for i, w := range weights {
		acc += w
		n := int(acc/total*float64(opts.Dossiers)+0.5) - given
		g.perDay[i], given = n, given+n
	}
}

// genDossier is one generated dossier, ready to write.
type genDossier struct {
	d      dossier.Dossier
	events []genEvent
}

type genEvent struct {
	action, from, to string
	actor            org.Actor
	at               int64
	note             string
	payload          []byte
}

// dayBatch is a working day's dossiers, received that day.
type dayBatch struct {
	idx      int
	dossiers []genDossier
	seqs     map[string]int // receiving agency code → last sequence number of the day
	day      string         // YYMMDD
	delta    map[int64]aggregate.Delta
	events   int
}

func (g *generator) run(ctx context.Context, sink sink, opts GenerateOptions) (*GenerateResult, error) {
	res := &GenerateResult{}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	out := make(chan *dayBatch, opts.Workers*2)
	errc := make(chan error, opts.Workers)
	var wg sync.WaitGroup
	window := make(chan struct{}, opts.Workers*4) // days produced ahead of the writer
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				b, err := g.day(i, opts.Seed)
				if err != nil {
					errc <- err
					cancel()
					return
				}
				select {
				case out <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range g.days {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	pending := map[int]*dayBatch{}
	next := 0
	started, lastReport := time.Now(), time.Now()
	var group []*dayBatch
	groupSize := 0
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		err := sink.write(ctx, group)
		group, groupSize = group[:0], 0
		return err
	}
	for b := range out {
		pending[b.idx] = b
		for pending[next] != nil {
			b := pending[next]
			delete(pending, next)
			next++
			<-window
			g.count(b, res)
			group = append(group, b)
			groupSize += len(b.dossiers)
			if groupSize >= 20_000 {
				if err := flush(); err != nil {
					cancel()
					return nil, err
				}
			}
			if opts.Progress != nil && time.Since(lastReport) >= 5*time.Second {
				el := time.Since(started).Seconds()
				fmt.Fprintf(opts.Progress, "%s: %d dossiers, %d events; %.0f dossiers/s, %.0f rows/s\n",
					g.days[b.idx], res.Dossiers, res.Events, float64(res.Dossiers)/el, float64(res.Dossiers+res.Events)/el)
				lastReport = time.Now()
			}
		}
	}
	select {
	case err := <-errc:
		return nil, err
	default:
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return res, nil
}

// count adds a day's dossiers to the totals and its counters to the sums.
func (g *generator) count(b *dayBatch, res *GenerateResult) {
	for aid, d := range b.delta {
		if g.deltas[aid] == nil {
			g.deltas[aid] = aggregate.Delta{}
		}
		g.deltas[aid].Merge(d)
	}
	res.Events += int64(b.events)
	for i := range b.dossiers {
		d := &b.dossiers[i].d
		res.Dossiers++
		switch d.Channel {
		case dossier.ChannelOnline:
			res.Online++
		case dossier.ChannelPostal:
			res.Postal++
		}
		if d.ReceivedAt == nil {
			continue
		}
		res.Received++
		if d.SupplementCount > 0 {
			res.Supplemented++
		}
		if d.FinishedAt == nil {
			res.Open++
			continue
		}
		res.Settled++
		if aggregate.Outcome(d, g.dl.DayStart) == aggregate.SettledLate {
			res.Late++
		}
		if d.Rating != dossier.Unrated {
			res.Rated++
			if d.Rating.Dislike() {
				res.Dislikes++
			}
		}
	}
}

// day generates the dossiers received on the idx-th working day. Its random
// stream depends only on the seed and the day, so workers may run days in
// any order and the database is the same.
func (g *generator) day(idx int, seed uint64) (*dayBatch, error) {
	r := rand.New(rand.NewPCG(seed, uint64(idx)+1))
	zipf := rand.NewZipf(r, 1.15, 4, uint64(len(g.procs)-1))
	date := g.days[idx]
	open, closing := g.cal.DayStart(date), g.cal.DayEnd(date)
	n := g.perDay[idx]
	times := make([]time.Time, n)
	for i := range times {
		times[i] = open.Add(time.Duration(r.Int64N(int64(closing.Sub(open))))).UTC().Truncate(time.Millisecond)
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	b := &dayBatch{idx: idx, seqs: map[string]int{}, day: date.At(0).Format("060102"), delta: map[int64]aggregate.Delta{}}
	for i, recvAt := range times {
		gd, err := g.dossier(r, zipf, recvAt, b, uint64(idx)<<24|uint64(i))
		if err != nil {
			return nil, fmt.Errorf("bench: dossier %d of %s: %w", i, date, err)
		}
		if gd == nil {
			continue
		}
		b.events += len(gd.events)
		c := aggregate.Contribution(&gd.d, g.dl.DayStart)
		if len(c) > 0 {
			aid := gd.d.ProcessingAgencyID
			if b.delta[aid] == nil {
				b.delta[aid] = aggregate.Delta{}
			}
			b.delta[aid].Merge(c)
		}
		b.dossiers = append(b.dossiers, *gd)
	}
	return b, nil
}

func between(r *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.Int64N(int64(hi-lo)))
}

// dossier takes one dossier through its life up to g.until.
func (g *generator) dossier(r *rand.Rand, zipf *rand.Zipf, recvAt time.Time, b *dayBatch, uniq uint64) (*genDossier, error) {
	p := g.procs[zipf.Uint64()]
	processing := p.agency
	if processing.Level == org.LevelCommune && len(g.communes) > 0 {
		processing = g.communes[r.IntN(len(g.communes))]
	}
	receiving := processing
	if processing.OneStopID != nil {
		receiving = g.agencies[*processing.OneStopID]
	}
	counter := g.staff[receiving.ID][org.RoleCounter]
	specialist, leader := g.staff[processing.ID][org.RoleSpecialist], g.staff[processing.ID][org.RoleLeader]
	if counter.UserID == 0 || leader.UserID == 0 || specialist.UserID == 0 {
		return nil, fmt.Errorf("no staff for %s/%s", receiving.Code, processing.Code)
	}
	who := fakePerson(r)
	gd := &genDossier{}
	d := &gd.d
	*d = dossier.Dossier{ProcedureCode: p.code, ProcedureVersion: p.version, Status: dossier.Submitted,
		Applicant:         dossier.Applicant{Name: who.name, IDNumber: who.idNumber, Phone: who.phone, Address: who.address},
		ReceivingAgencyID: receiving.ID, ProcessingAgencyID: processing.ID, Version: 1, FeeVND: p.fee}
	var submitter org.Actor
	switch x := r.Float64(); {
	case x < shareOnline:
		d.Channel, d.ReturnMethod = dossier.ChannelOnline, dossier.ReturnOnline
		if y := r.Float64(); y < 0.15 {
			d.ReturnMethod = dossier.ReturnPostal
		} else if y < 0.35 {
			d.ReturnMethod = dossier.ReturnCounter
		}
		d.VNeIDVerified = r.Float64() < shareVNeID
		d.SubmittedAt = recvAt.Add(-between(r, 10*time.Minute, 30*time.Hour))
		submitter = org.Actor{Role: org.RoleCitizen, Name: who.name}
	case x < shareOnline+sharePostal:
		d.Channel, d.ReturnMethod = dossier.ChannelPostal, dossier.ReturnPostal
		d.SubmittedAt = recvAt.Add(-between(r, 2*time.Minute, 20*time.Minute))
		submitter = counter
	default:
		d.Channel, d.ReturnMethod = dossier.ChannelCounter, dossier.ReturnCounter
		if r.Float64() < 0.15 {
			d.ReturnMethod = dossier.ReturnPostal
		}
		d.SubmittedAt = recvAt.Add(-between(r, 2*time.Minute, 20*time.Minute))
		submitter = counter
	}
	if d.SubmittedAt.After(g.until) {
		return nil, nil
	}
	scanned := d.Channel == dossier.ChannelOnline || r.Float64() < shareDigitized
	for i, name := range p.components {
		c := dossier.ComponentFiles{Name: name, FileIDs: []string{}}
		if scanned {
			c.FileIDs = []string{fmt.Sprintf("bench-%x-%d", uniq, i)}
			c.Digitized = d.Channel != dossier.ChannelOnline
		}
		if d.Channel != dossier.ChannelOnline {
			c.Originals, c.Copies = r.IntN(2), 1
		}
		d.Components = append(d.Components, c)
	}
	d.UpdatedAt = d.SubmittedAt
	gd.events = append(gd.events, genEvent{action: string(dossier.ActSubmit), to: string(dossier.Submitted), actor: submitter,
		at: d.SubmittedAt.UnixMilli(), payload: mustJSON(dossier.SubmitPayload{Channel: d.Channel, ProcedureVersion: d.ProcedureVersion})})

	env := dossier.Env{Deadlines: g.dl, TimeLimit: p.limit}
	done := false // a step would come after g.until: the dossier stays as it is
	step := func(cmd dossier.Command) error {
		if done {
			return nil
		}
		cmd.At = cmd.At.UTC().Truncate(time.Millisecond)
		if cmd.At.After(g.until) {
			done = true
			return nil
		}
		if last := time.UnixMilli(gd.events[len(gd.events)-1].at); !cmd.At.After(last) {
			cmd.At = last.Add(time.Millisecond).UTC()
		}
		ev, err := dossier.Apply(d, cmd, env)
		if err != nil {
			return fmt.Errorf("%s: %w", cmd.Action, err)
		}
		if ev.Action == dossier.ActTransfer {
			p, _ := dossier.Decode[dossier.TransferPayload](ev.Action, ev.Payload)
			from, to := g.agencies[p.FromAgencyID], g.agencies[d.ProcessingAgencyID]
			p.FromAgencyCode, p.ToAgencyCode = from.Code, to.Code
			ev.SetPayload(p)
		}
		gd.events = append(gd.events, genEvent{action: string(ev.Action), from: string(ev.From), to: string(ev.To), actor: cmd.Actor,
			at: ev.At.UnixMilli(), note: ev.Note, payload: mustJSON(ev.Payload)})
		return nil
	}
	if r.Float64() < shareRefused {
		return gd, step(dossier.Command{Action: dossier.ActRefuse, Actor: counter, At: recvAt,
			Reason: "Hồ sơ không thuộc thẩm quyền tiếp nhận / not within the agency's competence"})
	}
	b.seqs[receiving.Code]++
	code := fmt.Sprintf("%s-%s-%04d", receiving.Code, b.day, b.seqs[receiving.Code])
	if err := step(dossier.Command{Action: dossier.ActReceive, Actor: counter, At: recvAt, Code: code}); err != nil {
		return nil, err
	}
	transferAt := recvAt.Add(between(r, 5*time.Minute, 2*time.Hour))
	if err := step(dossier.Command{Action: dossier.ActTransfer, Actor: counter, At: transferAt}); err != nil || done {
		return gd, err
	}
	late := r.Float64() < shareLate
	finish := func(from time.Time) time.Time {
		due := *d.DueAt
		if late {
			return due.Add(between(r, time.Hour, 5*24*time.Hour))
		}
		return from.Add(time.Duration(float64(due.Sub(from)) * (0.1 + 0.87*r.Float64())))
	}
	finAt := finish(recvAt)
	if !finAt.After(transferAt) {
		finAt = transferAt.Add(between(r, 10*time.Minute, time.Hour))
	}
	if r.Float64() < shareSupplement {
		reqAt := transferAt.Add(time.Duration(float64(finAt.Sub(transferAt)) * (0.1 + 0.4*r.Float64())))
		if err := step(dossier.Command{Action: dossier.ActRequestSupplement, Actor: specialist, At: reqAt,
			Reason: "Bổ sung bản sao giấy tờ còn thiếu / supply the missing copies"}); err != nil || done {
			return gd, err
		}
		suppAt := reqAt.Add(between(r, 2*time.Hour, 7*24*time.Hour))
		if err := step(dossier.Command{Action: dossier.ActSupplement, Actor: counter, At: suppAt, Note: "Đã bổ sung / supplied",
			Components: []dossier.ComponentFiles{{Name: p.components[0], FileIDs: []string{fmt.Sprintf("bench-%x-s", uniq)}}}}); err != nil || done {
			return gd, err
		}
		finAt = finish(suppAt)
		if !finAt.After(suppAt) {
			finAt = suppAt.Add(between(r, 10*time.Minute, time.Hour))
		}
	}
	switch x := r.Float64(); {
	case x < shareWithdrawn:
		at := transferAt.Add(time.Duration(float64(finAt.Sub(transferAt)) * r.Float64()))
		if err := step(dossier.Command{Action: dossier.ActWithdraw, Actor: counter, At: at, Reason: "Người nộp xin rút hồ sơ / withdrawn by the applicant"}); err != nil {
			return nil, err
		}
		return gd, step(dossier.Command{Action: dossier.ActStop, Actor: counter, At: at.Add(between(r, time.Hour, 48*time.Hour))})
	case x < shareWithdrawn+shareRejected:
		if err := step(dossier.Command{Action: dossier.ActReject, Actor: leader, At: finAt,
			Reason: "Không đủ điều kiện theo quy định / not eligible"}); err != nil {
			return nil, err
		}
	default:
		cmd := dossier.Command{Action: dossier.ActApprove, Actor: leader, At: finAt}
		// An online-return dossier is approved only with its electronic
		// result (dossier.approveResult); the draw is kept so that the
		// generated stream does not shift.
		if eres := r.Float64() < shareEResult; eres || d.ReturnMethod == dossier.ReturnOnline {
			cmd.ResultFiles = []string{fmt.Sprintf("bench-%x-kq", uniq)}
		}
		if err := step(cmd); err != nil {
			return nil, err
		}
		retAt, by := finAt.Add(between(r, time.Hour, 72*time.Hour)), counter
		switch d.ReturnMethod {
		case dossier.ReturnOnline:
			retAt = finAt.Add(between(r, time.Minute, time.Hour))
		case dossier.ReturnPostal:
			retAt, by = finAt.Add(between(r, 12*time.Hour, 48*time.Hour)), g.postal
		}
		if err := step(dossier.Command{Action: dossier.ActReturnResult, Actor: by, At: retAt}); err != nil {
			return nil, err
		}
	}
	if r.Float64() < shareRated {
		rating := dossier.Satisfied
		if x := r.Float64(); x < shareDissatisfied {
			rating = dossier.Dissatisfied
		} else if x < shareDissatisfied+shareVerySatisfied {
			rating = dossier.VerySatisfied
		}
		at := time.UnixMilli(gd.events[len(gd.events)-1].at).Add(between(r, time.Minute, 10*time.Minute))
		if err := step(dossier.Command{Action: dossier.ActRate, Actor: counter, At: at, Rating: rating}); err != nil {
			return nil, err
		}
	}
	return gd, nil
}

func mustJSON(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err) // the payloads are maps of plain values
	}
	return raw
}

// dossierCols are the columns generate writes, in row order.
var dossierCols = []string{"id", "code", "procedure_code", "procedure_version", "status", "channel", "return_method",
	"applicant_user_id", "applicant_name", "applicant_name_key", "applicant_id_number", "applicant_phone", "applicant_email",
	"applicant_address", "components", "receiving_agency_id", "processing_agency_id", "version", "submitted_at", "received_at",
	"due_at", "original_due_at", "previous_due_at", "due_explain", "suspended_at", "resume_status", "supplement_count",
	"extension_count", "finished_at", "returned_at", "fee_vnd", "payment_due_vnd", "paid_vnd", "updated_at", "rating",
	"rated_at", "vneid_verified", "result_files", "paid_online"}

var eventCols = []string{"id", "dossier_id", "seq", "action", "from_status", "to_status", "actor_user_id", "actor_role",
	"actor_name", "at", "note", "payload", "idempotency_key"}

func msOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMilli()
}

func dossierRow(id int64, d *dossier.Dossier) []any {
	comps := d.Components
	if comps == nil {
		comps = []dossier.ComponentFiles{}
	}
	results := d.ResultFileIDs
	if results == nil {
		results = []string{}
	}
	var code any
	if d.Code != "" {
		code = d.Code
	}
	return []any{id, code, d.ProcedureCode, int64(d.ProcedureVersion), string(d.Status), string(d.Channel), string(d.ReturnMethod),
		nil, d.Applicant.Name, textfold.Fold(d.Applicant.Name), d.Applicant.IDNumber, d.Applicant.Phone, d.Applicant.Email,
		d.Applicant.Address, string(mustJSON(comps)), d.ReceivingAgencyID, d.ProcessingAgencyID, int64(d.Version),
		d.SubmittedAt.UnixMilli(), msOrNil(d.ReceivedAt), msOrNil(d.DueAt), msOrNil(d.OriginalDueAt), msOrNil(d.PreviousDueAt),
		d.DueExplain, msOrNil(d.SuspendedAt), string(d.ResumeStatus), int64(d.SupplementCount), int64(d.ExtensionCount),
		msOrNil(d.FinishedAt), msOrNil(d.ReturnedAt), d.FeeVND, d.PaymentDueVND, d.PaidVND, d.UpdatedAt.UnixMilli(),
		int64(d.Rating), msOrNil(d.RatedAt), d.VNeIDVerified, string(mustJSON(results)), d.PaidOnline}
}

// seqRows are the day's code_sequences rows, so that dossiers received
// later through the server continue each agency's numbering.
func seqRows(b *dayBatch) [][]any {
	codes := make([]string, 0, len(b.seqs))
	for c := range b.seqs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([][]any, 0, len(codes))
	for _, c := range codes {
		out = append(out, []any{c, b.day, int64(b.seqs[c])})
	}
	return out
}

// Summary describes the generated database in a few lines.
func (r *GenerateResult) Summary() string {
	pct := func(a, b int64) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	return fmt.Sprintf("generated %d dossiers and %d events (%d counter rows) in %s: %.0f dossiers/s, %.0f rows/s\n"+
		"  online %.1f %%, postal %.1f %%; received %d, settled %d (late %.1f %%), open %d; supplemented %.1f %%; rated %.1f %% of settled, dislikes %.2f %% of rated\n",
		r.Dossiers, r.Events, r.CounterRows, r.Elapsed.Round(time.Second), float64(r.Dossiers)/r.Elapsed.Seconds(),
		float64(r.Dossiers+r.Events)/r.Elapsed.Seconds(),
		pct(r.Online, r.Dossiers), pct(r.Postal, r.Dossiers), r.Received, r.Settled, pct(r.Late, r.Settled), r.Open,
		pct(r.Supplemented, r.Received), pct(r.Rated, r.Settled), pct(r.Dislikes, r.Rated))
}
