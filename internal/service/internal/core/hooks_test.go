package core

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
)

// Reactions run in ReactionOrder whatever order they were registered in,
// and the first failure stops the rest (the event then rolls back).
func TestReactionsRunInTheFixedOrder(t *testing.T) {
	var c Core
	var ran []string
	fail := map[string]bool{}
	react := func(name string) Reaction {
		return func(context.Context, *store.Tx, *dossier.Dossier, dossier.Event) error {
			ran = append(ran, name)
			if fail[name] {
				return errors.New(name + " failed")
			}
			return nil
		}
	}
	for _, name := range []string{"datastore", "payment", "notify", "urge", "postal"} {
		c.OnEvent(name, react(name))
	}
	if got := c.Reactions(); !slices.Equal(got, ReactionOrder) {
		t.Fatalf("registered %v, want %v", got, ReactionOrder)
	}
	if err := c.AfterEvent(t.Context(), nil, &dossier.Dossier{}, dossier.Event{}); err != nil || !slices.Equal(ran, ReactionOrder) {
		t.Fatalf("ran %v (%v), want %v", ran, err, ReactionOrder)
	}
	ran, fail["payment"] = nil, true
	if err := c.AfterEvent(t.Context(), nil, &dossier.Dossier{}, dossier.Event{}); err == nil || !slices.Equal(ran, []string{"notify", "postal", "payment"}) {
		t.Fatalf("ran %v (%v), want notify, postal, payment then the failure", ran, err)
	}
}

// A reaction outside ReactionOrder, or registered twice, is a wiring
// mistake caught when the service is built.
func TestReactionWiringMistakesPanic(t *testing.T) {
	nop := func(context.Context, *store.Tx, *dossier.Dossier, dossier.Event) error { return nil }
	for name, register := range map[string]func(c *Core){
		"unknown": func(c *Core) { c.OnEvent("dvcqg-sync", nop) },
		"twice":   func(c *Core) { c.OnEvent("urge", nop); c.OnEvent("urge", nop) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			register(&Core{})
		})
	}
}
