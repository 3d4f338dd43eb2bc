package api

// Routes lists the patterns the API registered (internal/routes).
func (s *Server) Routes() []string { return s.mux.Patterns() }
