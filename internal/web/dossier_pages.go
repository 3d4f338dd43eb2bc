package web

func (s *Server) dossierRoutes() {}
