package service_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// demoAt is demoService with a clock that reads *now (tests move it by
// assigning) and a way to act as a demo user.
func demoAt(t *testing.T, st *store.Store, now *time.Time) (*service.Service, func(username string) org.Actor) {
	t.Helper()
	svc := demoService(t, st)
	svc.Now = func() time.Time { return *now }
	return svc, func(username string) org.Actor { return actorOf(t, svc, username) }
}
