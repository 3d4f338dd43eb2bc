package web

func (s *Server) directorRoutes() {}
