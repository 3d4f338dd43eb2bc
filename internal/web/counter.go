package web

func (s *Server) counterRoutes() {}
