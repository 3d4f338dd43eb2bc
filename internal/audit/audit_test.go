package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"testing"
	"time"
)

func sample() (Event, Genesis) {
	return Event{DossierID: 7, Seq: 1, Action: "submit", To: "submitted", ActorUserID: 3, ActorRole: "citizen",
			ActorName: "Nguyễn Văn A", At: 1764700000000, Payload: `{"channel":"online"}`, IdempotencyKey: "k"},
		Genesis{ProcedureCode: "1.000001", ProcedureVersion: 1, Channel: "online", ReturnMethod: "online",
			Name: "Nguyễn Văn A", IDNumber: "001090000001", SubmittedAt: 1764700000000}
}

// Every field of an event and of the filing facts is covered: changing any
// one changes the hash, and moving bytes from one field to the next does
// too (length prefixes).
func TestEventHashCoversEveryField(t *testing.T) {
	e0, g0 := sample()
	base := EventHash("", e0, &g0)
	for name, edit := range map[string]func(*Event, *Genesis){
		"dossier":     func(e *Event, g *Genesis) { e.DossierID++ },
		"seq":         func(e *Event, g *Genesis) { e.Seq++ },
		"action":      func(e *Event, g *Genesis) { e.Action = "refuse" },
		"from":        func(e *Event, g *Genesis) { e.From = "x" },
		"to":          func(e *Event, g *Genesis) { e.To = "received" },
		"actor":       func(e *Event, g *Genesis) { e.ActorUserID++ },
		"role":        func(e *Event, g *Genesis) { e.ActorRole = "counter" },
		"actor name":  func(e *Event, g *Genesis) { e.ActorName = "B" },
		"at":          func(e *Event, g *Genesis) { e.At++ },
		"note":        func(e *Event, g *Genesis) { e.Note = "n" },
		"payload":     func(e *Event, g *Genesis) { e.Payload = `{"channel":"counter"}` },
		"key":         func(e *Event, g *Genesis) { e.IdempotencyKey = "k2" },
		"shifted":     func(e *Event, g *Genesis) { e.Action, e.To = "submits", "ubmitted" },
		"procedure":   func(e *Event, g *Genesis) { g.ProcedureCode = "1.000002" },
		"version":     func(e *Event, g *Genesis) { g.ProcedureVersion = 2 },
		"channel":     func(e *Event, g *Genesis) { g.Channel = "counter" },
		"return":      func(e *Event, g *Genesis) { g.ReturnMethod = "postal" },
		"owner":       func(e *Event, g *Genesis) { g.ApplicantUserID = 9 },
		"name":        func(e *Event, g *Genesis) { g.Name = "Nguyễn Văn B" },
		"id number":   func(e *Event, g *Genesis) { g.IDNumber = "001090000002" },
		"phone":       func(e *Event, g *Genesis) { g.Phone = "0900000000" },
		"email":       func(e *Event, g *Genesis) { g.Email = "a@b.vn" },
		"address":     func(e *Event, g *Genesis) { g.Address = "Hà Nội" },
		"submitted":   func(e *Event, g *Genesis) { g.SubmittedAt++ },
		"fee":         func(e *Event, g *Genesis) { g.FeeVND = 1000 },
		"verified id": func(e *Event, g *Genesis) { g.VNeIDVerified = true },
	} {
		e, g := sample()
		edit(&e, &g)
		if EventHash("", e, &g) == base {
			t.Errorf("%s: the hash does not change", name)
		}
	}
	if EventHash("00", e0, &g0) == base || EventHash("", e0, nil) == base {
		t.Error("the previous hash and the genesis must count")
	}
}

func TestCheckpointSignature(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	c := Checkpoint{At: time.Unix(1764700000, 0), Cut: 10, Dossiers: 2, Events: 6, Root: "ab"}
	c.Sign(key)
	if err := c.Verify(key.Public().(ed25519.PublicKey)); err != nil {
		t.Fatal(err)
	}
	if c.Verify(other.Public().(ed25519.PublicKey)) == nil {
		t.Fatal("verified with another key")
	}
	c.Events++
	if c.Verify(key.Public().(ed25519.PublicKey)) == nil {
		t.Fatal("an edited checkpoint verified")
	}
}

// The cost of chaining one event (go test -bench . ./internal/audit/).
func BenchmarkEventHash(b *testing.B) {
	e, g := sample()
	prev := EventHash("", e, &g)
	for b.Loop() {
		EventHash(prev, e, nil)
	}
}
