package web

func (s *Server) workspaceRoutes() {}
