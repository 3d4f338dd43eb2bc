package service_test

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Every reaction to a dossier event is wired, once each, in the order
// afterEvent used to call them: notify, postal, payment, urge, data store.
func TestEveryReactionIsWiredInOrder(t *testing.T) {
	svc := servicetest.Demo(t, storetest.SQLite(t))
	want := []string{"notify", "postal", "payment", "urge", "datastore"}
	if got := svc.Reactions(); !slices.Equal(got, want) {
		t.Fatalf("reactions %v, want %v", got, want)
	}
}
