package web

// OIDCConfig configures citizen sign-in through an OpenID Connect provider
// (the national e-ID, VNeID, is one).
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
}

type oidcClient struct{}

func newOIDCClient(cfg *OIDCConfig) (*oidcClient, error) { return &oidcClient{}, nil }

func (s *Server) oidcRoutes() {}
