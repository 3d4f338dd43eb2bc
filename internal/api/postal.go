package api

// postalRoutes registers the endpoints of issue 6 (filled in by its part).
func (s *Server) postalRoutes() {}
