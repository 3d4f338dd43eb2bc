package service_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Two server processes on one PostgreSQL: a calendar notice entered on one
// is in force on the other after its next refresh.
func TestCalendarOverrideReachesOtherNode(t *testing.T) {
	ctx := context.Background()
	url := storetest.PostgresURL(t)
	node := func() *service.Service {
		st, err := store.Open(ctx, store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		return svc
	}
	a, b := node(), node()
	day := calendar.Date{Year: 2031, Month: 12, Day: 29} // a Monday
	if !b.Calendar().IsWorkingDay(day) {
		t.Fatal("29/12/2031 is an ordinary Monday before the notice")
	}
	admin := org.Actor{UserID: 1, Role: org.RoleAdmin}
	_, err := a.SetCalendarYear(ctx, admin, calendar.Schedule{Year: 2031, DaysOff: []calendar.Date{{Year: 2031, Month: 1, Day: 1}, day}, Source: "Công văn kiểm thử"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Calendar().IsWorkingDay(day) {
		t.Fatal("the node that saved the notice must apply it at once")
	}
	if !b.Calendar().IsWorkingDay(day) {
		t.Fatal("the other node has not refreshed yet")
	}
	if err := b.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if b.Calendar().IsWorkingDay(day) {
		t.Fatal("after a refresh the other node must apply the notice")
	}
	before := b.Calendar()
	if err := b.Refresh(ctx); err != nil || b.Calendar() != before {
		t.Fatalf("a refresh with nothing new must keep the calendar (%v)", err)
	}
}
