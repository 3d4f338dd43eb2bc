package web

// Routes lists the patterns the pages registered (internal/routes).
func (s *Server) Routes() []string { return s.mux.Patterns() }
