// Package audit holds the rules that make the dossier record tamper-evident:
// a hash chain over each dossier's event log, the checks of the projection
// against it, and signed checkpoints over every dossier's head. No SQL and
// no HTTP: the store reads the rows and hands them here.
//
// Why: the append-only triggers stop the application from rewriting the
// record, but not whoever administers the database (triggers can be dropped
// or disabled). The log is the legal trace of every step of a dossier, kept
// and archived as an electronic record (Decree 45/2020; Decree 118/2025
// Art. 22; Circular 13/2023/TT-BNV on electronic archiving): an edit must
// at least be detectable. The chain makes any edit, insertion
// or deletion of an event, or of the applicant's facts on the dossier row,
// break a link; the signed checkpoint (key outside the database) makes a
// chain recomputed from scratch by someone who read this code disagree with
// what the server sealed earlier.
package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
)

// Event is one row of a dossier's log as stored (times in Unix ms, the
// payload as its stored JSON text: the hash covers the bytes kept).
type Event struct {
	ID             int64 // row id, only used to place the checkpoint cut
	DossierID      int64
	Seq            int
	Action         string
	From, To       string
	ActorUserID    int64
	ActorRole      string
	ActorName      string
	At             int64
	Note           string
	Payload        string
	IdempotencyKey string
	Hash           string // hex; "" when not chained
}

// Genesis is what the dossier row carries from its filing that no later
// event restates; the first event's hash covers it, so editing the
// applicant's name or ID number on the dossier row breaks the chain.
type Genesis struct {
	ProcedureCode    string
	ProcedureVersion int
	Channel          string
	ReturnMethod     string
	ApplicantUserID  int64
	Name             string
	IDNumber         string
	Phone            string
	Email            string
	Address          string
	SubmittedAt      int64
	FeeVND           int64
	VNeIDVerified    bool
}

// Projection is the part of the dossier row the log determines.
type Projection struct {
	ID      int64
	Code    string
	Status  string
	Version int
	Genesis Genesis
}

type enc struct{ h hash.Hash }

func (e enc) str(s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	e.h.Write(n[:])
	e.h.Write([]byte(s))
}

func (e enc) num(v int64) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(v))
	e.h.Write(n[:])
}

// EventHash is the hex SHA-256 of the canonical encoding of an event:
// every field length-prefixed (so no two different events encode alike),
// the previous event's hash first ("" for the first event), and for the
// first event (g not nil) the dossier's genesis facts.
func EventHash(prev string, e Event, g *Genesis) string {
	x := enc{sha256.New()}
	x.str("motcua/event/v1")
	x.str(prev)
	x.num(e.DossierID)
	x.num(int64(e.Seq))
	x.str(e.Action)
	x.str(e.From)
	x.str(e.To)
	x.num(e.ActorUserID)
	x.str(e.ActorRole)
	x.str(e.ActorName)
	x.num(e.At)
	x.str(e.Note)
	x.str(e.Payload)
	x.str(e.IdempotencyKey)
	if g != nil {
		x.str("genesis")
		x.str(g.ProcedureCode)
		x.num(int64(g.ProcedureVersion))
		x.str(g.Channel)
		x.str(g.ReturnMethod)
		x.num(g.ApplicantUserID)
		x.str(g.Name)
		x.str(g.IDNumber)
		x.str(g.Phone)
		x.str(g.Email)
		x.str(g.Address)
		x.num(g.SubmittedAt)
		x.num(g.FeeVND)
		v := int64(0)
		if g.VNeIDVerified {
			v = 1
		}
		x.num(v)
	}
	return hex.EncodeToString(x.h.Sum(nil))
}

// Break is the first broken link found: which dossier, which step, what
// differs. It never carries personal data (it names the field, not its value).
type Break struct {
	DossierID int64
	Code      string
	Seq       int
	What      string
}

func (b *Break) Error() string {
	name := b.Code
	if name == "" {
		name = fmt.Sprintf("#%d", b.DossierID)
	}
	return fmt.Sprintf("dossier %s seq %d: %s", name, b.Seq, b.What)
}

// CheckDossier walks one dossier's log in seq order and compares the row's
// projection with it. It returns the first broken link, or nil.
func CheckDossier(p Projection, events []Event) *Break {
	brk := func(seq int, what string, args ...any) *Break {
		return &Break{DossierID: p.ID, Code: p.Code, Seq: seq, What: fmt.Sprintf(what, args...)}
	}
	if len(events) == 0 {
		return brk(0, "the dossier has no events")
	}
	prev := ""
	for i, e := range events {
		if e.Seq != i+1 {
			return brk(i+1, "event missing (next stored event is seq %d)", e.Seq)
		}
		if e.Hash == "" {
			return brk(e.Seq, "event not chained (no hash)")
		}
		var g *Genesis
		if i == 0 {
			g = &p.Genesis
		}
		if want := EventHash(prev, e, g); want != e.Hash {
			if i == 0 {
				return brk(e.Seq, "hash does not match the event or the dossier's filing facts (applicant, procedure, channel…)")
			}
			return brk(e.Seq, "hash does not match the event's content or the previous event")
		}
		if i > 0 && e.From != events[i-1].To {
			return brk(e.Seq, "from_status %q does not follow %q", e.From, events[i-1].To)
		}
		prev = e.Hash
	}
	last := events[len(events)-1]
	if p.Version != last.Seq {
		return brk(last.Seq, "dossier version %d but the log ends at seq %d", p.Version, last.Seq)
	}
	if p.Status != last.To {
		return brk(last.Seq, "dossier status %q but the log ends in %q", p.Status, last.To)
	}
	return nil
}
