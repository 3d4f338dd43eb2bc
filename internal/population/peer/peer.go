// Package peer is a local stand-in for the population database's look-up
// on the provincial integration platform, with invented demo citizens, for
// tests and the demo. It checks the bearer token and the consent reference
// as the real service is expected to, and counts look-ups without keeping
// what was asked.
//
// Used by the tests, and by serve --demo once issue 14 wires it; deadcode lists it until then.
package peer

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/motcua/motcua/internal/population"
)

// DemoToken is the bearer token the peer accepts unless told another.
const DemoToken = "demo-population-token"

// DemoCitizens are invented people; the numbers follow the 12-digit shape
// and belong to no one (province code 001, then made-up digits).
func DemoCitizens() []population.Citizen {
	return []population.Citizen{
		{IDNumber: "001190000001", FullName: "Trần Thị Demo", DateOfBirth: "1990-04-12", PermanentAddress: "Số 1 đường Mẫu, xã Demo, tỉnh Demo"},
		{IDNumber: "001090000002", FullName: "Lê Văn Mẫu", DateOfBirth: "1985-11-02", PermanentAddress: "Thôn Mẫu, xã Demo, tỉnh Demo"},
		// Only the year is on record, as for many people born before 1975.
		{IDNumber: "001058000003", FullName: "Nguyễn Văn Cụ", DateOfBirth: "1958", PermanentAddress: "Xóm Cũ, xã Demo, tỉnh Demo"},
	}
}

// Peer answers look-ups from its citizens.
type Peer struct {
	Token    string
	mu       sync.Mutex
	citizens map[string]population.Citizen
	lookups  int
	failNext int
}

// New builds a peer with the demo citizens.
func New() *Peer {
	p := &Peer{Token: DemoToken, citizens: map[string]population.Citizen{}}
	for _, c := range DemoCitizens() {
		p.citizens[c.IDNumber] = c
	}
	return p
}

// Lookups counts answered look-ups.
func (p *Peer) Lookups() int { p.mu.Lock(); defer p.mu.Unlock(); return p.lookups }

// FailNext makes the next n look-ups answer 503.
func (p *Peer) FailNext(n int) { p.mu.Lock(); p.failNext = n; p.mu.Unlock() }

func (p *Peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+p.Token {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	p.mu.Lock()
	if p.failNext > 0 {
		p.failNext--
		p.mu.Unlock()
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	p.mu.Unlock()
	var q population.WireQuery
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&q); err != nil {
		reply(w, population.WireAnswer{ErrorCode: "400", Message: "body is not JSON"})
		return
	}
	if q.ConsentRef == "" || q.UnitCode == "" {
		reply(w, population.WireAnswer{ErrorCode: population.CodeRefused, Message: "consent reference and unit code are required"})
		return
	}
	p.mu.Lock()
	c, ok := p.citizens[q.IDNumber]
	p.lookups++
	p.mu.Unlock()
	if !ok {
		reply(w, population.WireAnswer{ErrorCode: population.CodeNotFound, Message: "not found"})
		return
	}
	reply(w, population.WireAnswer{ErrorCode: population.CodeOK, Result: &population.WireCitizen{
		IDNumber: c.IDNumber, FullName: c.FullName, DateOfBirth: population.WireDate(c.DateOfBirth),
		PermanentAddress: c.PermanentAddress}})
}

func reply(w http.ResponseWriter, a population.WireAnswer) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(a)
}
