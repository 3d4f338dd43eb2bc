package service_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/motcua/motcua/internal/service"
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

// The store, the kernel and its commit are out of the transports' reach:
// every sub-service embeds the kernel, so on the root its fields and
// methods are ambiguous and not promoted. Were one sub-service to stop
// embedding it, or the root to add a Store, this would say so.
func TestTheRootHandsOutNoStore(t *testing.T) {
	typ := reflect.TypeFor[service.Service]()
	for _, name := range []string{"Store", "Core", "AppendEvent", "AfterEvent", "OnEvent", "Idempotent", "Limits"} {
		if _, ok := typ.FieldByName(name); ok {
			t.Errorf("service.Service has a field %s", name)
		}
		if _, ok := reflect.PointerTo(typ).MethodByName(name); ok {
			t.Errorf("*service.Service has a method %s", name)
		}
	}
}
