package locale

import (
	"errors"
	"fmt"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
)

func TestTextAndError(t *testing.T) {
	Add(map[string][2]string{"test.greet": {"Xin chào %s", "Hello %s"}})
	refused := apperr.New(apperr.Invalid, "test_refused", "Không hợp lệ.", "Not valid.")
	wrapped := fmt.Errorf("service: save: %w", refused)
	for _, c := range []struct {
		name, got, want string
	}{
		{"Vietnamese by default", Text(Parse(""), "test.greet", "Lan"), "Xin chào Lan"},
		{"English on request", Text(Parse("en"), "test.greet", "Lan"), "Hello Lan"},
		{"an unknown language is Vietnamese", Text(Parse("fr"), "test.greet", "Lan"), "Xin chào Lan"},
		{"a missing key shows itself", Text(VI, "test.missing"), "!test.missing"},
		{"a client-safe error in its own words", Error(VI, wrapped), "Không hợp lệ."},
		{"and in English", Error(EN, wrapped), "Not valid."},
		{"anything else says nothing of the fault", Error(VI, errors.New("pq: connection refused")), Text(VI, keyInternal)},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Fatal("a key registered twice must stop the program at start-up")
		}
	}()
	Add(map[string][2]string{"test.greet": {"a", "b"}})
}
