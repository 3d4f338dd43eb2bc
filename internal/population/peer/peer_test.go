package peer_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/population"
	"github.com/motcua/motcua/internal/population/peer"
)

func setup(t *testing.T, token string) (*peer.Peer, *population.Client) {
	t.Helper()
	p := peer.New()
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	c, err := population.NewClient(population.Config{BaseURL: srv.URL, Token: token, UnitCode: "000.00.00.H99",
		Timeout: time.Second, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return p, c
}

// With the applicant's consent recorded, the ID number fills in name, date
// of birth and permanent address (Decree 45/2020: do not ask again for
// what the state holds).
func TestLookupDemoCitizens(t *testing.T) {
	p, c := setup(t, peer.DemoToken)
	ctx := context.Background()
	for _, want := range peer.DemoCitizens() {
		got, err := c.Lookup(ctx, population.Query{IDNumber: want.IDNumber, ConsentRef: "HS-1/consent", Requester: "officer-7"})
		if err != nil {
			t.Fatalf("%v", err)
		}
		if got != want {
			t.Errorf("got %#v, want %#v", got.FullName+"/"+got.DateOfBirth, want.FullName+"/"+want.DateOfBirth)
		}
	}
	if p.Lookups() != 3 {
		t.Errorf("%d look-ups", p.Lookups())
	}
}

func TestLookupRefusals(t *testing.T) {
	p, c := setup(t, peer.DemoToken)
	_, wrongToken := setup(t, "wrong")
	ctx := context.Background()
	cases := []struct {
		name   string
		client *population.Client
		q      population.Query
		fail   int
		code   string
		sent   bool
	}{
		{"ID number of 9 digits (old card) refused before sending", c, population.Query{IDNumber: "123456789", ConsentRef: "x"}, 0, "population_invalid_id", false},
		{"no consent recorded: nothing sent", c, population.Query{IDNumber: "001190000001"}, 0, "population_no_consent", false},
		{"unknown number", c, population.Query{IDNumber: "001190009999", ConsentRef: "x"}, 0, "population_not_found", true},
		{"wrong platform token", wrongToken, population.Query{IDNumber: "001190000001", ConsentRef: "x"}, 0, "population_refused", false},
		{"platform down", c, population.Query{IDNumber: "001190000001", ConsentRef: "x"}, 1, "population_unavailable", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := p.Lookups()
			p.FailNext(tc.fail)
			_, err := tc.client.Lookup(ctx, tc.q)
			ae, ok := apperr.As(err)
			if !ok || ae.Code != tc.code {
				t.Fatalf("%v, want %s", err, tc.code)
			}
			if sent := p.Lookups() > before; sent != tc.sent {
				t.Errorf("answered by the peer: %v, want %v", sent, tc.sent)
			}
			// Errors reach logs: they must not carry the number asked for.
			if tc.q.IDNumber != "" && strings.Contains(err.Error(), tc.q.IDNumber) {
				t.Errorf("error names the ID number: %v", err)
			}
		})
	}
}

// The data never prints: a careless log line shows "redacted".
func TestCitizenNeverPrints(t *testing.T) {
	_, c := setup(t, peer.DemoToken)
	q := population.Query{IDNumber: "001190000001", ConsentRef: "x"}
	got, err := c.Lookup(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	log.Info("looked up", "citizen", got, "query", q)
	fmt.Fprintf(&buf, "%v %+v %#v %s %v", got, got, got, got, q)
	for _, secret := range []string{got.FullName, got.IDNumber, got.PermanentAddress, got.DateOfBirth} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("%q printed: %s", secret, buf.String())
		}
	}
}
