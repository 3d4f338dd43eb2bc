package postal

// Config is the one postal operator the province contracts (Decree 118/2025
// lets the provincial chair contract the public postal company). It comes
// from the environment, read once at start by internal/config, so that every
// server process behind a load balancer has the same values without an admin
// page holding a secret in the database:
//
//	MOTCUA_POSTAL_KEY_ID           key id the operator sends in X-Motcua-Key-Id
//	MOTCUA_POSTAL_SECRET           shared secret, at least 32 random bytes
//	MOTCUA_POSTAL_URL              the operator's webhook for result_dispatch
//	MOTCUA_POSTAL_OUTBOUND_SECRET  optional: a separate secret for our webhooks
//
// An empty KeyID or Secret means the postal connection is off and every
// signed request is refused.
type Config struct {
	KeyID          string
	Secret         []byte
	OutboundSecret []byte // config sets it to Secret when not given
	URL            string
}

// SecretFor resolves the operator's key id to its secret.
func (c Config) SecretFor(keyID string) ([]byte, bool) {
	if c.KeyID == "" || len(c.Secret) == 0 || keyID != c.KeyID {
		return nil, false
	}
	return c.Secret, true
}

// Signer signs our webhooks to the operator under the same key id.
func (c Config) Signer() Signer { return Signer{KeyID: c.KeyID, Secret: c.OutboundSecret} }
