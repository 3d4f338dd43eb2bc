package web

func (s *Server) citizenRoutes() {}
