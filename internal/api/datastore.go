package api

// dataStoreRoutes registers the endpoints of issue 6 (filled in by its part).
func (s *Server) dataStoreRoutes() {}
