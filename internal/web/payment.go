package web

// paymentPages registers the pages of issue 6 (filled in by its part).
func (s *Server) paymentPages() {}
