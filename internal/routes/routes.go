// Package routes is the servers' route table: an http.ServeMux that keeps
// the patterns registered on it, so that tests can walk every route (the
// authorization matrix, internal/api/authz_matrix_test.go) and notice one
// added without an expectation.
package routes

import (
	"net/http"
	"slices"
	"sync"
)

// Mux is an http.ServeMux that remembers its patterns.
type Mux struct {
	*http.ServeMux
	mu       sync.Mutex
	patterns []string
}

// New returns an empty Mux.
func New() *Mux { return &Mux{ServeMux: http.NewServeMux()} }

// Handle registers handler for pattern.
func (m *Mux) Handle(pattern string, handler http.Handler) {
	m.record(pattern)
	m.ServeMux.Handle(pattern, handler)
}

// HandleFunc registers handler for pattern.
func (m *Mux) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	m.record(pattern)
	m.ServeMux.HandleFunc(pattern, handler)
}

func (m *Mux) record(pattern string) {
	m.mu.Lock()
	m.patterns = append(m.patterns, pattern)
	m.mu.Unlock()
}

// Patterns lists the registered patterns, sorted.
func (m *Mux) Patterns() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Clone(m.patterns)
	slices.Sort(out)
	return out
}
