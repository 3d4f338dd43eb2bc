// Package peer is a local stand-in for the National Public Service Portal's
// integration endpoint, for contract tests and the demo. It behaves as the
// real peer is expected to: sessions from posted credentials that expire,
// every payload checked against the schema and malformed ones refused with
// an error code and message, a repeat of a delivery dropped and a changed
// repeat refused. It records what it accepted, in order, so a test or the
// demo page can show what reached "DVCQG".
//
// It holds everything in memory: it is a test and demo tool, not a store.
//
// Used by the tests, and by serve --demo once issue 14 wires it; deadcode lists it until then.
package peer

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/dvcqg"
)

// Config of a peer. Zero values give a peer that accepts the demo account.
type Config struct {
	Username, Password string
	UnitCode           string
	AuthPath           string        // default "/auth"
	IntegrationPath    string        // default "/integration"
	SessionTTL         time.Duration // default 30 minutes
	// ExpiredAsHTTP401 answers an expired session with HTTP 401 instead of
	// error_code CodeSessionExpired in an HTTP 200: platforms do either.
	ExpiredAsHTTP401 bool
	Now              func() time.Time
}

// Demo account, for the demo and tests.
const (
	DemoUsername = "motcua-demo"
	DemoPassword = "demo-secret"
	DemoUnitCode = "000.00.00.H99"
)

// Message is one accepted item: a DongBoHoSoMC or CapNhatTienDoHoSoMC
// carries a list, and each entry is a message of its own.
type Message struct {
	Seq         int
	Service     string
	Key         string
	IsUpdating  string
	DossierCode string
	Dossier     *dvcqg.WireDossier
	Progress    *dvcqg.WireProgress
	At          time.Time
}

// Peer is the local peer; its zero value is not usable, call New.
type Peer struct {
	cfg       Config
	validator *dvcqg.Validator

	mu         sync.Mutex
	sessions   map[string]time.Time
	logins     int
	messages   []Message
	keys       map[string]string // delivery key → digest of what it carried
	dropped    int
	refused    []Refusal
	failNext   int
	failStatus int
	filed      []filed
	procedures map[string]dvcqg.WireProcedure
}

// Refusal is one refused call, for tests to assert on and the demo to show.
type Refusal struct {
	Service string
	Code    string
	Message string
}

type filed struct {
	at time.Time
	w  dvcqg.WireDossier
}

// New builds a peer with the demo catalogue.
func New(cfg Config) (*Peer, error) {
	if cfg.Username == "" {
		cfg.Username, cfg.Password = DemoUsername, DemoPassword
	}
	if cfg.UnitCode == "" {
		cfg.UnitCode = DemoUnitCode
	}
	if cfg.AuthPath == "" {
		cfg.AuthPath = "/auth"
	}
	if cfg.IntegrationPath == "" {
		cfg.IntegrationPath = "/integration"
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 30 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	v, err := dvcqg.SchemaValidator()
	if err != nil {
		return nil, err
	}
	p := &Peer{cfg: cfg, validator: v, sessions: map[string]time.Time{}, keys: map[string]string{},
		procedures: map[string]dvcqg.WireProcedure{}}
	for _, pr := range DemoProcedures() {
		p.procedures[pr.MaTTHC] = pr
	}
	return p, nil
}

// answer is the peer's reply shape: error_code, error_message, result
// (DVCQG-NOTES.md "Envelope"), plus the list of schema problems.
type answer struct {
	ErrorCode string          `json:"error_code"`
	Message   string          `json:"error_message,omitempty"`
	Session   string          `json:"session,omitempty"`
	Result    any             `json:"result,omitempty"`
	Problems  []dvcqg.Problem `json:"errors,omitempty"`
}

const maxBody = 16 << 20

func (p *Peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/files/") {
		p.serveFile(w, r)
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == ReceivedPath {
		p.serveReceived(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		p.reply(w, http.StatusRequestEntityTooLarge, answer{ErrorCode: dvcqg.CodeBadPayload, Message: "body too large"})
		return
	}
	switch r.URL.Path {
	case p.cfg.AuthPath:
		p.login(w, body)
	case p.cfg.IntegrationPath:
		p.integrate(w, r.Header.Get(dvcqg.DeliveryKeyHeader), body)
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func (p *Peer) reply(w http.ResponseWriter, status int, a answer) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(a)
}

func (p *Peer) login(w http.ResponseWriter, body []byte) {
	if err := p.validator.Validate(dvcqg.PartLogin, body); err != nil {
		p.refuse(w, "login", schemaAnswer(err))
		return
	}
	var l dvcqg.WireLogin
	_ = json.Unmarshal(body, &l)
	if l.Username != p.cfg.Username || l.Password != p.cfg.Password {
		p.refuse(w, "login", answer{ErrorCode: "1", Message: "invalid username or password"})
		return
	}
	tok := make([]byte, 16)
	_, _ = rand.Read(tok)
	s := hex.EncodeToString(tok)
	p.mu.Lock()
	p.sessions[s] = p.cfg.Now().Add(p.cfg.SessionTTL)
	p.logins++
	p.mu.Unlock()
	p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Session: s})
}

func (p *Peer) refuse(w http.ResponseWriter, service string, a answer) {
	p.mu.Lock()
	p.refused = append(p.refused, Refusal{Service: service, Code: a.ErrorCode, Message: a.Message})
	p.mu.Unlock()
	p.reply(w, http.StatusOK, a)
}

func schemaAnswer(err error) answer {
	a := answer{ErrorCode: dvcqg.CodeBadPayload, Message: err.Error()}
	if se, ok := err.(*dvcqg.SchemaError); ok {
		a.Problems = se.Problems
	}
	return a
}

func (p *Peer) integrate(w http.ResponseWriter, key string, body []byte) {
	p.mu.Lock()
	if p.failNext > 0 {
		p.failNext--
		status := p.failStatus
		p.mu.Unlock()
		p.reply(w, status, answer{ErrorCode: dvcqg.CodeUnavailable, Message: "service unavailable (told to fail)"})
		return
	}
	p.mu.Unlock()

	var env struct {
		Session    string          `json:"session"`
		UnitCode   string          `json:"madonvi"`
		Service    string          `json:"service"`
		IsUpdating string          `json:"isUpdating"`
		Data       json.RawMessage `json:"data"`
		MaTTHC     string          `json:"maTTHC"`
		MaHoSo     string          `json:"mahoso"`
		Since      string          `json:"tuThoiDiem"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		p.refuse(w, "", answer{ErrorCode: dvcqg.CodeBadPayload, Message: "body is not JSON"})
		return
	}
	// The session first: a real peer does not tell a stranger what is wrong
	// with its payload.
	if !p.sessionValid(env.Session) {
		if p.cfg.ExpiredAsHTTP401 {
			p.reply(w, http.StatusUnauthorized, answer{ErrorCode: dvcqg.CodeSessionExpired, Message: "session expired"})
			return
		}
		p.refuse(w, env.Service, answer{ErrorCode: dvcqg.CodeSessionExpired, Message: "session expired"})
		return
	}
	if err := p.validator.ValidateRequest(body); err != nil {
		p.refuse(w, env.Service, schemaAnswer(err))
		return
	}
	if env.UnitCode != p.cfg.UnitCode {
		p.refuse(w, env.Service, answer{ErrorCode: dvcqg.CodeBadPayload, Message: fmt.Sprintf("unknown madonvi %q", env.UnitCode)})
		return
	}
	switch env.Service {
	case dvcqg.ServiceSyncDossier, dvcqg.ServiceProgress:
		p.record(w, key, env.Service, env.IsUpdating, env.Data)
	case dvcqg.ServiceGetProcedure:
		p.mu.Lock()
		pr, ok := p.procedures[env.MaTTHC]
		p.mu.Unlock()
		res := []dvcqg.WireProcedure{}
		if ok {
			res = append(res, pr)
		}
		p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Result: res})
	case dvcqg.ServiceListProcedures:
		p.mu.Lock()
		res := make([]dvcqg.WireProcedure, 0, len(p.procedures))
		for _, pr := range p.procedures {
			res = append(res, pr)
		}
		p.mu.Unlock()
		sort.Slice(res, func(i, j int) bool { return res[i].MaTTHC < res[j].MaTTHC })
		p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Result: res})
	case dvcqg.ServiceLookupDossier:
		res := []map[string]string{}
		if last := p.lastState(env.MaHoSo); last != "" {
			res = append(res, map[string]string{"MaHoSo": env.MaHoSo, "TrangThaiHoSo": last})
		}
		p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Result: res})
	case dvcqg.ServicePullDossiers:
		since, _ := dvcqg.ParseTime(env.Since) // the schema checked its shape
		p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Result: p.filedSince(since)})
	}
}

func (p *Peer) sessionValid(s string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	exp, ok := p.sessions[s]
	if !ok {
		return false
	}
	if !p.cfg.Now().Before(exp) {
		delete(p.sessions, s)
		return false
	}
	return true
}

// record files one accepted sync call, dropping a repeat of a delivery key
// and refusing a key that comes back with other content: that is a bug on
// the sender's side (a message rebuilt from newer state under an old key),
// and accepting it would hide it.
func (p *Peer) record(w http.ResponseWriter, key, service, isUpdating string, data json.RawMessage) {
	var compact bytes.Buffer
	_ = json.Compact(&compact, data)
	sum := sha256.Sum256([]byte(service + "\x00" + isUpdating + "\x00" + compact.String()))
	digest := hex.EncodeToString(sum[:])

	p.mu.Lock()
	defer p.mu.Unlock()
	if key != "" {
		if prev, ok := p.keys[key]; ok {
			if prev == digest {
				p.dropped++
				p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK, Message: "repeat dropped"})
				return
			}
			p.refused = append(p.refused, Refusal{Service: service, Code: dvcqg.CodeChangedRepeat, Message: "delivery key reused with other content"})
			p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeChangedRepeat, Message: "delivery key " + key + " was used with other content"})
			return
		}
	}
	now := p.cfg.Now()
	var batch []Message
	if service == dvcqg.ServiceSyncDossier {
		var ds []dvcqg.WireDossier
		_ = json.Unmarshal(data, &ds)
		for i := range ds {
			batch = append(batch, Message{Service: service, Key: key, IsUpdating: isUpdating, DossierCode: ds[i].MaHoSo, Dossier: &ds[i], At: now})
		}
	} else {
		var ps []dvcqg.WireProgress
		_ = json.Unmarshal(data, &ps)
		for i := range ps {
			// A step of a dossier the portal has never been sent cannot be
			// shown to anyone: OpenCPS sends DongBoHoSoMC first for this.
			if p.lastStateLocked(ps[i].MaHoSo) == "" {
				msg := "unknown dossier " + ps[i].MaHoSo + ": send DongBoHoSoMC first"
				p.refused = append(p.refused, Refusal{Service: service, Code: CodeUnknownDossier, Message: msg})
				p.reply(w, http.StatusOK, answer{ErrorCode: CodeUnknownDossier, Message: msg})
				return
			}
			batch = append(batch, Message{Service: service, Key: key, DossierCode: ps[i].MaHoSo, Progress: &ps[i], At: now})
		}
	}
	for _, m := range batch {
		m.Seq = len(p.messages) + 1
		p.messages = append(p.messages, m)
	}
	if key != "" {
		p.keys[key] = digest
	}
	p.reply(w, http.StatusOK, answer{ErrorCode: dvcqg.CodeOK})
}

// CodeUnknownDossier answers a progress step of a dossier never synced.
// Ours, like the other non-zero codes.
const CodeUnknownDossier = "404"

func (p *Peer) lastState(code string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.lastStateLocked(code)
}

func (p *Peer) lastStateLocked(code string) string {
	for i := len(p.messages) - 1; i >= 0; i-- {
		m := p.messages[i]
		if m.DossierCode != code {
			continue
		}
		if m.Dossier != nil {
			return m.Dossier.TrangThaiHoSo
		}
		return m.Progress.TrangThai
	}
	return ""
}

// Received lists what the peer accepted for one dossier, in order.
func (p *Peer) Received(dossierCode string) []Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Message
	for _, m := range p.messages {
		if m.DossierCode == dossierCode {
			out = append(out, m)
		}
	}
	return out
}

// Messages lists everything accepted, in order.
func (p *Peer) Messages() []Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Message(nil), p.messages...)
}

// Refusals lists every refused call, in order.
func (p *Peer) Refusals() []Refusal {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Refusal(nil), p.refused...)
}

// Dropped counts repeats dropped by delivery key.
func (p *Peer) Dropped() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dropped
}

// Logins counts successful logins.
func (p *Peer) Logins() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logins
}

// ExpireSessions ends every session at once, as a peer restart would.
func (p *Peer) ExpireSessions() {
	p.mu.Lock()
	p.sessions = map[string]time.Time{}
	p.mu.Unlock()
}

// FailNext makes the next n integration calls fail with the HTTP status
// (503 when 0), to exercise retries.
func (p *Peer) FailNext(n, status int) {
	if status == 0 {
		status = http.StatusServiceUnavailable
	}
	p.mu.Lock()
	p.failNext, p.failStatus = n, status
	p.mu.Unlock()
}

// AddProcedure puts a procedure in the peer's catalogue.
func (p *Peer) AddProcedure(pr dvcqg.WireProcedure) {
	p.mu.Lock()
	p.procedures[pr.MaTTHC] = pr
	p.mu.Unlock()
}

// File files a dossier on the portal for the province to pull or to be
// pushed. It must pass the schema: the peer never hands out what it would
// refuse.
func (p *Peer) File(d dvcqg.WireDossier) error {
	b, _ := json.Marshal(dvcqg.WirePush{UnitCode: p.cfg.UnitCode, Data: []dvcqg.WireDossier{d}})
	if err := p.validator.Validate(dvcqg.PartPush, b); err != nil {
		return err
	}
	p.mu.Lock()
	p.filed = append(p.filed, filed{at: p.cfg.Now(), w: d})
	p.mu.Unlock()
	return nil
}

func (p *Peer) filedSince(since time.Time) []dvcqg.WireDossier {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := []dvcqg.WireDossier{}
	for _, f := range p.filed {
		if !f.at.Before(since) {
			out = append(out, f.w)
		}
	}
	return out
}

// Filed lists the dossiers filed on the peer, in order.
func (p *Peer) Filed() []dvcqg.WireDossier { return p.filedSince(time.Time{}) }

// Push posts the filed dossiers with the given codes (all when none) to the
// province's inbound endpoint, authenticated with a bearer token.
func (p *Peer) Push(client *http.Client, url, token string, codes ...string) error {
	want := map[string]bool{}
	for _, c := range codes {
		want[c] = true
	}
	var data []dvcqg.WireDossier
	for _, d := range p.Filed() {
		if len(want) == 0 || want[d.MaHoSo] {
			data = append(data, d)
		}
	}
	if len(data) == 0 {
		return fmt.Errorf("peer: nothing filed to push")
	}
	b, _ := json.Marshal(dvcqg.WirePush{UnitCode: p.cfg.UnitCode, Data: data})
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("peer: push: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("peer: push: HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}

// ReceivedPath shows, as JSON, what the peer accepted (all, or one dossier's
// with ?mahoso=) and what it refused: the demo links to it so a visitor sees
// what reached "DVCQG".
const ReceivedPath = "/received"

func (p *Peer) serveReceived(w http.ResponseWriter, r *http.Request) {
	msgs := p.Messages()
	if code := r.URL.Query().Get("mahoso"); code != "" {
		msgs = p.Received(code)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(struct {
		Messages []Message `json:"messages"`
		Refused  []Refusal `json:"refused"`
		Dropped  int       `json:"dropped_repeats"`
	}{msgs, p.Refusals(), p.Dropped()})
}
